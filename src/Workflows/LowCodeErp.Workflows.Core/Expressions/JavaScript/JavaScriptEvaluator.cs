using System.Globalization;
using Jint;
using Jint.Runtime;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using Microsoft.Extensions.Options;
using JintOptions = Jint.Options;

namespace LowCodeErp.Workflows.Core.Expressions.JavaScript;

/// <summary>
/// JavaScript expressions (Elsa 3 compatible) run by Jint in a sandbox: no CLR access, and every evaluation bounded in
/// time, statements, memory and recursion. Scripts are parsed once and cached by their text; each evaluation gets a
/// fresh, cheap engine with only the globals the script references.
/// </summary>
public sealed class JavaScriptEvaluator : IExpressionEvaluator
{
    private const int ExcerptLength = 120;
    private readonly JavaScriptOptions _options;
    private readonly PreparedScriptCache _cache;
    // Jint's options take ~50 ms to build; created on first use so start-up stays cheap.
    private readonly Lazy<JintOptions> _sharedEngineOptions;

    /// <summary>Creates the evaluator with default limits.</summary>
    public JavaScriptEvaluator() : this(Microsoft.Extensions.Options.Options.Create(new JavaScriptOptions()))
    {
    }

    /// <summary>Creates the evaluator.</summary>
    public JavaScriptEvaluator(IOptions<JavaScriptOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _cache = new PreparedScriptCache(_options.ScriptCacheSize);
        // Constraints are registered as per-engine factories, so one options object serves every engine without a token.
        _sharedEngineOptions = new Lazy<JintOptions>(() => CreateEngineOptions(CancellationToken.None));
    }

    /// <inheritdoc />
    public string Type => ExpressionTypes.JavaScript;

    /// <summary>How many distinct scripts are parsed and cached.</summary>
    public int CachedScriptCount => _cache.Count;

    /// <summary>Why <paramref name="source"/> does not parse, or null when it does (for validators; the parse is cached).</summary>
    public string? GetSyntaxError(string? source) =>
        string.IsNullOrWhiteSpace(source) ? null : _cache.GetOrPrepare(source).SyntaxError;

    /// <inheritdoc />
    public ValueTask<object?> EvaluateAsync(Expression expression, Type targetType, ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(context);
        var source = expression.Value as string ?? ValueConversion.Convert<string>(expression.Value);
        return string.IsNullOrWhiteSpace(source)
            ? ValueTask.FromResult<object?>(null)
            : ValueTask.FromResult(Evaluate(source, context));
    }

    /// <summary>Runs <paramref name="source"/> for <paramref name="context"/> and returns its value as plain CLR data.</summary>
    public object? Evaluate(string source, ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var script = _cache.GetOrPrepare(source);
        if (script.Script is not { } program)
        {
            throw new JavaScriptEvaluationException(JavaScriptErrorKind.Syntax,
                $"JavaScript syntax error in activity {Describe(context)}: {script.SyntaxError}.{Excerpt(source)}", context.Activity.Id);
        }

        var token = context.CancellationToken;
        var engine = new Engine(token.CanBeCanceled ? CreateEngineOptions(token) : _sharedEngineOptions.Value);
        var session = new ScriptSession(engine, context);
        try
        {
            session.Install(script);
            var result = engine.Evaluate(program);
            if (result.IsPromise())
            {
                result = result.UnwrapIfPromise(token);
            }

            var value = JsValueConverter.ToClr(result);
            session.Flush();
            return value;
        }
        catch (ExecutionCanceledException) when (token.IsCancellationRequested)
        {
            throw new OperationCanceledException(token);
        }
        catch (Exception ex) when (Translate(ex, source, context) is { } translated)
        {
            throw translated;
        }
    }

    private JavaScriptEvaluationException? Translate(Exception exception, string source, ActivityExecutionContext context)
    {
        var activity = Describe(context);
        var activityId = context.Activity.Id;
        return exception switch
        {
            JavaScriptEvaluationException => null,
            OperationCanceledException when context.CancellationToken.IsCancellationRequested => null,
            TimeoutException => new JavaScriptEvaluationException(JavaScriptErrorKind.Timeout,
                $"JavaScript timed out after {FormatDuration(_options.TimeLimit)} in activity {activity}.{Excerpt(source)}", activityId, exception),
            StatementsCountOverflowException => new JavaScriptEvaluationException(JavaScriptErrorKind.StatementLimit,
                $"JavaScript exceeded the limit of {_options.MaxStatements.ToString("N0", CultureInfo.InvariantCulture)} statements in activity {activity} (endless loop?).{Excerpt(source)}", activityId, exception),
            MemoryLimitExceededException => new JavaScriptEvaluationException(JavaScriptErrorKind.MemoryLimit,
                $"JavaScript exceeded the memory limit of {FormatBytes(_options.MemoryLimit)} in activity {activity}.{Excerpt(source)}", activityId, exception),
            RecursionDepthOverflowException => new JavaScriptEvaluationException(JavaScriptErrorKind.RecursionLimit,
                $"JavaScript exceeded the recursion limit of {_options.RecursionLimit} nested calls in activity {activity}.{Excerpt(source)}", activityId, exception),
            JavaScriptException js => new JavaScriptEvaluationException(JavaScriptErrorKind.Runtime,
                $"JavaScript error in activity {activity}: {js.Message.TrimEnd('.')} (line {js.Location.Start.Line}, column {js.Location.Start.Column + 1}).{Excerpt(source)}", activityId, exception),
            JintException => new JavaScriptEvaluationException(JavaScriptErrorKind.Runtime,
                $"JavaScript error in activity {activity}: {exception.Message.TrimEnd('.')}.{Excerpt(source)}", activityId, exception),
            InvalidOperationException or FormatException or NotSupportedException or System.Text.Json.JsonException or ArgumentException =>
                new JavaScriptEvaluationException(JavaScriptErrorKind.Conversion,
                    $"JavaScript value could not be converted in activity {activity}: {exception.Message.TrimEnd('.')}.{Excerpt(source)}", activityId, exception),
            _ => null,
        };
    }

    private JintOptions CreateEngineOptions(CancellationToken cancellationToken)
    {
        var options = new JintOptions();
        // No AllowClr: scripts see plain data and the helper functions, nothing of the CLR.
        options.Interop.Enabled = false;
        options.TimeoutInterval(_options.TimeLimit);
        options.MaxStatements(_options.MaxStatements);
        options.LimitMemory(_options.MemoryLimit);
        options.LimitRecursion(_options.RecursionLimit);
        // Regular expressions and promises have their own (10 s) budgets; keep them within the script's.
        options.Constraints.RegexTimeout = _options.TimeLimit;
        options.Constraints.PromiseTimeout = _options.TimeLimit;
        if (cancellationToken.CanBeCanceled)
        {
            options.CancellationToken(cancellationToken);
        }

        return options;
    }

    private static string Describe(ActivityExecutionContext context)
    {
        var activity = context.Activity;
        return string.IsNullOrEmpty(activity.Name) || activity.Name == activity.Id ? $"'{activity.Id}'" : $"'{activity.Id}' ({activity.Name})";
    }

    private static string Excerpt(string source)
    {
        var flat = source.ReplaceLineEndings(" ").Trim();
        return flat.Length <= ExcerptLength ? $" Script: {flat}" : $" Script: {flat[..ExcerptLength]}…";
    }

    private static string FormatDuration(TimeSpan duration) =>
        duration.TotalSeconds >= 1 && duration.Milliseconds == 0
            ? $"{duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s"
            : $"{duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)} ms";

    private static string FormatBytes(long bytes) =>
        bytes % (1024 * 1024) == 0
            ? $"{(bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)} MB"
            : $"{bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes";
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid;
using Fluid.Values;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Workflows.Core.Expressions.Liquid;

/// <summary>
/// Liquid templates (Elsa 3 compatible) rendered by Fluid: <c>{{ Variables.Order.Amount }}</c>, <c>{{ Input.Name }}</c>,
/// <c>{{ Workflow.InstanceId }}</c>. Templates are parsed once and cached by their text; the result is the rendered
/// string, not HTML-encoded.
/// </summary>
public sealed class LiquidEvaluator : IExpressionEvaluator
{
    private const int ExcerptLength = 120;
    private readonly LiquidOptions _options;
    // Building Fluid's parser costs ~100 ms; hosts that never render Liquid should not pay it at start-up.
    private readonly Lazy<FluidParser> _parser = new(() => new FluidParser());
    private readonly TemplateOptions _templateOptions;
    private readonly ConcurrentDictionary<string, ParsedTemplate> _templates = new(StringComparer.Ordinal);
    private readonly int _capacity;

    /// <summary>Creates the evaluator with default limits.</summary>
    public LiquidEvaluator() : this(Microsoft.Extensions.Options.Options.Create(new LiquidOptions()))
    {
    }

    /// <summary>Creates the evaluator.</summary>
    public LiquidEvaluator(IOptions<LiquidOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _capacity = Math.Max(16, _options.TemplateCacheSize);
        _templateOptions = new TemplateOptions
        {
            // The model is built from dictionaries and lists; CLR objects held in variables are read by their public properties.
            MemberAccessStrategy = new UnsafeMemberAccessStrategy(),
            MaxSteps = _options.MaxSteps,
            MaxRecursion = _options.MaxRecursion,
            CultureInfo = CultureInfo.InvariantCulture,
        };
        _templateOptions.ValueConverters.Add(static value => value switch
        {
            JsonElement or JsonNode => ValueConversion.Unwrap(value),
            _ => null,
        });
        _templateOptions.Filters.AddFilter("base64", Base64Filter);
        _templateOptions.Filters.AddFilter("keys", KeysFilter);
    }

    /// <inheritdoc />
    public string Type => ExpressionTypes.Liquid;

    /// <summary>How many distinct templates are parsed and cached.</summary>
    public int CachedTemplateCount => _templates.Count;

    /// <summary>Why <paramref name="source"/> does not parse, or null when it does (for validators; the parse is cached).</summary>
    public string? GetSyntaxError(string? source) =>
        string.IsNullOrWhiteSpace(source) ? null : GetOrParse(source).Error;

    /// <inheritdoc />
    public async ValueTask<object?> EvaluateAsync(Expression expression, Type targetType, ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var source = expression.Value as string ?? ValueConversion.Convert<string>(expression.Value);
        return string.IsNullOrWhiteSpace(source) ? null : await RenderAsync(source, context);
    }

    /// <summary>Renders <paramref name="source"/> for <paramref name="context"/>.</summary>
    public async ValueTask<string> RenderAsync(string source, ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var parsed = GetOrParse(source);
        if (parsed.Template is not { } template)
        {
            throw new LiquidEvaluationException(
                $"Liquid syntax error in activity {Describe(context)}: {parsed.Error}.{Excerpt(source)}", context.Activity.Id);
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        var model = new DictionaryValue(new LiquidRoot(context, _templateOptions));
        var templateContext = new TemplateContext(model, _templateOptions, allowModelMembers: true);
        try
        {
            return await template.RenderAsync(templateContext, NullEncoder.Default);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not LiquidEvaluationException)
        {
            var cause = ex is InvalidOperationException && ex.Message.Contains("maximum level of recursion", StringComparison.Ordinal)
                ? $"the template exceeded its limit of {_options.MaxSteps.ToString("N0", CultureInfo.InvariantCulture)} steps or {_options.MaxRecursion} nested levels"
                : ex.Message.TrimEnd('.');
            throw new LiquidEvaluationException($"Liquid rendering failed in activity {Describe(context)}: {cause}.{Excerpt(source)}", context.Activity.Id, ex);
        }
    }

    private ParsedTemplate GetOrParse(string source)
    {
        if (_templates.TryGetValue(source, out var cached))
        {
            return cached;
        }

        var parsed = _parser.Value.TryParse(source, out var template, out var error)
            ? new ParsedTemplate(template, null)
            : new ParsedTemplate(null, CleanParseError(error));
        if (_templates.Count >= _capacity)
        {
            // Drop an arbitrary eighth; no LRU bookkeeping on the hot path.
            var toRemove = _capacity / 8;
            foreach (var key in _templates.Keys)
            {
                if (toRemove-- <= 0)
                {
                    break;
                }

                _templates.TryRemove(key, out _);
            }
        }

        return _templates.GetOrAdd(source, parsed);
    }

    private static string CleanParseError(string error)
    {
        // Fluid appends the source after "Source:"; the exception message carries its own excerpt.
        var sourceAt = error.IndexOf("Source:", StringComparison.Ordinal);
        return (sourceAt > 0 ? error[..sourceAt] : error).ReplaceLineEndings(" ").Trim().TrimEnd('.');
    }

    private static ValueTask<FluidValue> Base64Filter(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil())
        {
            return new ValueTask<FluidValue>(NilValue.Instance);
        }

        var text = input.Type is FluidValues.Dictionary or FluidValues.Array or FluidValues.Object
            ? JsonSerializer.Serialize(input.ToObjectValue(), ValueConversion.JsonOptions)
            : input.ToStringValue();
        return new ValueTask<FluidValue>(StringValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text))));
    }

    private static ValueTask<FluidValue> KeysFilter(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        IEnumerable<string> keys = input.ToObjectValue() switch
        {
            IFluidIndexable indexable => indexable.Keys,
            IDictionary<string, object?> map => map.Keys,
            _ => [],
        };
        return new ValueTask<FluidValue>(new ArrayValue(keys.Select(k => (FluidValue)StringValue.Create(k)).ToArray()));
    }

    private static string Describe(ActivityExecutionContext context)
    {
        var activity = context.Activity;
        return string.IsNullOrEmpty(activity.Name) || activity.Name == activity.Id ? $"'{activity.Id}'" : $"'{activity.Id}' ({activity.Name})";
    }

    private static string Excerpt(string source)
    {
        var flat = source.ReplaceLineEndings(" ").Trim();
        return flat.Length <= ExcerptLength ? $" Template: {flat}" : $" Template: {flat[..ExcerptLength]}…";
    }

    private sealed record ParsedTemplate(IFluidTemplate? Template, string? Error);
}

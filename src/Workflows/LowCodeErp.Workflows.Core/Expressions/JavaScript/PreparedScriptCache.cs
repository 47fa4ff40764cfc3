using System.Collections.Concurrent;
using Acornima.Ast;
using Jint;

namespace LowCodeErp.Workflows.Core.Expressions.JavaScript;

/// <summary>A script parsed once, with the globals it reads, shared by every evaluation and thread.</summary>
internal sealed class PreparedScript
{
    /// <summary>Names whose presence means the script can reach globals it never names.</summary>
    private static readonly string[] DynamicSignals = ["eval", "Function", "globalThis"];

    private PreparedScript(string source, Prepared<Script>? script, string? syntaxError, string[] hostGlobals, bool isDynamic)
    {
        Source = source;
        Script = script;
        SyntaxError = syntaxError;
        HostGlobals = hostGlobals;
        IsDynamic = isDynamic;
    }

    /// <summary>The script text.</summary>
    public string Source { get; }

    /// <summary>The parsed program (null when it does not parse).</summary>
    public Prepared<Script>? Script { get; }

    /// <summary>Why the script does not parse.</summary>
    public string? SyntaxError { get; }

    /// <summary>Free identifiers the host may have to provide: helpers, accessors and <c>variables</c>.</summary>
    public string[] HostGlobals { get; }

    /// <summary>True when the script uses eval, Function or globalThis: every accessor must be installed.</summary>
    public bool IsDynamic { get; }

    /// <summary>Parses and analyses <paramref name="source"/>; syntax errors are kept, not thrown.</summary>
    public static PreparedScript Prepare(string source)
    {
        Prepared<Script> prepared;
        try
        {
            prepared = Engine.PrepareScript(source, options: new ScriptPreparationOptions
            {
                CollectReferencedGlobals = true,
                // Elsa definitions use top-level `return x`.
                ParsingOptions = new ScriptParsingOptions { AllowReturnOutsideFunction = true },
            });
        }
        catch (ScriptPreparationException ex)
        {
            var error = ex.InnerException is Acornima.ParseErrorException parse
                ? $"{parse.Description} (line {parse.LineNumber}, column {parse.Column + 1})"
                : ex.InnerException?.Message ?? ex.Message;
            return new PreparedScript(source, null, error, [], false);
        }

        var referenced = prepared.ReferencedGlobals;
        if (referenced is null)
        {
            return new PreparedScript(source, prepared, null, [], true);
        }

        var isDynamic = referenced.HasDirectEvalCall || Array.Exists(DynamicSignals, referenced.Contains);
        var hostGlobals = referenced.Where(IsHostGlobalCandidate).ToArray();
        return new PreparedScript(source, prepared, null, hostGlobals, isDynamic);
    }

    private static bool IsHostGlobalCandidate(string name) =>
        name == ScriptSession.VariablesObjectName
        || ScriptSession.IsHelperName(name)
        || (name.Length > 3 && (name.StartsWith("get", StringComparison.Ordinal) || name.StartsWith("set", StringComparison.Ordinal)));
}

/// <summary>A bounded, thread-safe cache of prepared scripts keyed by their text.</summary>
internal sealed class PreparedScriptCache(int capacity)
{
    private readonly ConcurrentDictionary<string, PreparedScript> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity = Math.Max(16, capacity);

    /// <summary>How many scripts are cached.</summary>
    public int Count => _entries.Count;

    /// <summary>The prepared form of <paramref name="source"/>, parsing it on first use.</summary>
    public PreparedScript GetOrPrepare(string source)
    {
        if (_entries.TryGetValue(source, out var cached))
        {
            return cached;
        }

        var prepared = PreparedScript.Prepare(source);
        if (_entries.Count >= _capacity)
        {
            Evict();
        }

        return _entries.GetOrAdd(source, prepared);
    }

    private void Evict()
    {
        // No LRU bookkeeping on the hot path: drop an arbitrary eighth and let the working set refill.
        var toRemove = _capacity / 8;
        foreach (var key in _entries.Keys)
        {
            if (toRemove-- <= 0)
            {
                break;
            }

            _entries.TryRemove(key, out _);
        }
    }
}

namespace LowCodeErp.Workflows.Core.Expressions.JavaScript;

/// <summary>
/// Limits of the JavaScript sandbox. Every evaluation runs under all of them; the first one reached aborts the script
/// with a <see cref="JavaScriptEvaluationException"/>, which the engine records as an incident of the activity.
/// </summary>
public sealed class JavaScriptOptions
{
    /// <summary>Wall-clock time one evaluation may take (also bounds regular expressions and promise settlement).</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Statements one evaluation may execute.</summary>
    public int MaxStatements { get; set; } = 1_000_000;

    /// <summary>Bytes one evaluation may allocate.</summary>
    public long MemoryLimit { get; set; } = 32L * 1024 * 1024;

    /// <summary>Depth of nested JavaScript function calls.</summary>
    public int RecursionLimit { get; set; } = 256;

    /// <summary>How many distinct scripts are kept parsed; older entries are evicted when the cache is full.</summary>
    public int ScriptCacheSize { get; set; } = 4096;
}

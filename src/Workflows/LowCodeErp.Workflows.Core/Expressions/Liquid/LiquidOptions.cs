namespace LowCodeErp.Workflows.Core.Expressions.Liquid;

/// <summary>Limits of Liquid rendering.</summary>
public sealed class LiquidOptions
{
    /// <summary>Statements one rendering may execute (bounds loops such as <c>{% for i in (1..1000000000) %}</c>).</summary>
    public int MaxSteps { get; set; } = 1_000_000;

    /// <summary>Nesting depth of blocks and includes.</summary>
    public int MaxRecursion { get; set; } = 100;

    /// <summary>How many distinct templates are kept parsed; older entries are evicted when the cache is full.</summary>
    public int TemplateCacheSize { get; set; } = 4096;
}

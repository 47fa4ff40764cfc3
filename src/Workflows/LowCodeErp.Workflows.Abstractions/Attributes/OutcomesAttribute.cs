namespace LowCodeErp.Workflows.Abstractions;

/// <summary>
/// Declares the flow ports (outcomes) an activity can complete with, e.g. <c>[Outcomes("True", "False")]</c>.
/// Activities without it have the single outcome <c>Done</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OutcomesAttribute(params string[] outcomes) : Attribute
{
    /// <summary>The outcome names, in port order.</summary>
    public IReadOnlyList<string> Outcomes { get; } = outcomes;
}

/// <summary>Marks a property holding a child activity that Studio draws as an embedded drop zone (e.g. If.Then).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PortAttribute : Attribute
{
    /// <summary>Label in Studio; defaults to the property name.</summary>
    public string? DisplayName { get; set; }
}

namespace LowCodeErp.Workflows.Abstractions;

/// <summary>
/// Declares an activity type. The type name seen in definitions is <c>{Namespace}.{Name}</c>, e.g. <c>Elsa.WriteLine</c>
/// or <c>Erp.HumanTask</c>; it is part of the definition format, so it never changes when the C# class is renamed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string @namespace, string name) : Attribute
{
    /// <summary>The namespace part of the type name, e.g. <c>Elsa</c> or <c>Erp</c>.</summary>
    public string Namespace { get; } = @namespace;

    /// <summary>The name part of the type name, e.g. <c>WriteLine</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The activity version; definitions reference activities by (type, version).</summary>
    public int Version { get; set; } = 1;

    /// <summary>The toolbox category in Studio.</summary>
    public string Category { get; set; } = "Miscellaneous";

    /// <summary>Human-friendly name; defaults to <see cref="Name"/>.</summary>
    public string? DisplayName { get; set; }

    /// <summary>What the activity does, shown in Studio.</summary>
    public string? Description { get; set; }

    /// <summary>Action (default), Trigger, Job or Task.</summary>
    public ActivityKind Kind { get; set; } = ActivityKind.Action;

    /// <summary>Whether the activity appears in Studio's toolbox.</summary>
    public bool IsBrowsable { get; set; } = true;
}

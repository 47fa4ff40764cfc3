namespace LowCodeErp.Workflows.Abstractions;

/// <summary>Marks an <see cref="Output{T}"/> property as an activity output.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute : Attribute
{
    /// <summary>Label in Studio; defaults to the property name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Help text in Studio.</summary>
    public string? Description { get; set; }

    /// <summary>False for values that cannot be stored (streams, live objects).</summary>
    public bool IsSerializable { get; set; } = true;
}

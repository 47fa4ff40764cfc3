namespace LowCodeErp.Workflows.Abstractions;

/// <summary>Marks a property as an activity input (serialized as the camelCased property name).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : Attribute
{
    /// <summary>Label in Studio; defaults to the property name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Help text in Studio.</summary>
    public string? Description { get; set; }

    /// <summary>Editor to use in Studio, one of <see cref="UIHints"/>.</summary>
    public string? UIHint { get; set; }

    /// <summary>Value used when the definition leaves the input out.</summary>
    public object? DefaultValue { get; set; }

    /// <summary>Expression syntax Studio starts with, e.g. <c>JavaScript</c>.</summary>
    public string? DefaultSyntax { get; set; }

    /// <summary>Studio group for the input.</summary>
    public string? Category { get; set; }

    /// <summary>Sort order in Studio.</summary>
    public float Order { get; set; }

    /// <summary>Choices for dropdown/checklist/radio editors.</summary>
    public string[]? Options { get; set; }

    /// <summary>Whether Studio shows the input.</summary>
    public bool IsBrowsable { get; set; } = true;

    /// <summary>Whether the value is serialized into the definition.</summary>
    public bool IsSerializable { get; set; } = true;

    /// <summary>False for inputs the activity evaluates itself (e.g. a loop condition re-evaluated each iteration).</summary>
    public bool AutoEvaluate { get; set; } = true;

    /// <summary>A definition that leaves a required input out (with no default) fails validation.</summary>
    public bool IsRequired { get; set; }

    /// <summary>Hide the value in logs and journals.</summary>
    public bool IsSensitive { get; set; }
}

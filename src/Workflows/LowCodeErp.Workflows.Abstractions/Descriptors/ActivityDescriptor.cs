using System.Text.Json.Serialization;

namespace LowCodeErp.Workflows.Abstractions.Descriptors;

/// <summary>An activity type as Elsa Studio reads it from <c>GET /descriptors/activities</c>.</summary>
public sealed class ActivityDescriptor
{
    /// <summary><c>Namespace.Name</c>.</summary>
    public required string TypeName { get; init; }
    /// <summary>Namespace part.</summary>
    public required string Namespace { get; init; }
    /// <summary>Name part.</summary>
    public required string Name { get; init; }
    /// <summary>Version.</summary>
    public int Version { get; init; } = 1;
    /// <summary>Toolbox category.</summary>
    public string? Category { get; init; }
    /// <summary>Display name.</summary>
    public string? DisplayName { get; init; }
    /// <summary>Description.</summary>
    public string? Description { get; init; }
    /// <summary>Action, Trigger, Job or Task.</summary>
    public ActivityKind Kind { get; init; }
    /// <summary>Whether the activity runs in the background by default.</summary>
    public bool RunAsynchronously { get; init; }
    /// <summary>Whether it holds child activities.</summary>
    public bool IsContainer { get; init; }
    /// <summary>Shown in the toolbox.</summary>
    public bool IsBrowsable { get; init; } = true;
    /// <summary>Start node (no In port).</summary>
    public bool IsStart { get; init; }
    /// <summary>Terminal node (no Done port).</summary>
    public bool IsTerminal { get; init; }
    /// <summary>Flow and embedded ports.</summary>
    public IReadOnlyList<PortDescriptor> Ports { get; init; } = [];
    /// <summary>Inputs.</summary>
    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];
    /// <summary>Outputs.</summary>
    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];
    /// <summary>Extra facts (Studio reads <c>Type</c>).</summary>
    public Dictionary<string, object?> CustomProperties { get; init; } = [];
    /// <summary>Properties set on new instances dropped in the designer.</summary>
    public Dictionary<string, object?> ConstructionProperties { get; init; } = [];

    /// <summary>Creates a new activity of this type (not serialized).</summary>
    [JsonIgnore]
    public Func<Activity>? Factory { get; init; }

    /// <summary>Reflection facts about the class (not serialized).</summary>
    [JsonIgnore]
    public ActivityTypeInfo? TypeInfo { get; init; }
}

/// <summary>A port: a flow outcome or an embedded child slot.</summary>
public sealed record PortDescriptor(string Name, string DisplayName, string Type = "Flow", bool IsBrowsable = true);

/// <summary>An input as Studio shows it.</summary>
public sealed class InputDescriptor
{
    /// <summary>PascalCase name (Studio camelizes it to find the JSON property).</summary>
    public required string Name { get; init; }
    /// <summary>Type alias.</summary>
    public required string TypeName { get; init; }
    /// <summary>Label.</summary>
    public string? DisplayName { get; init; }
    /// <summary>Help text.</summary>
    public string? Description { get; init; }
    /// <summary>Sort order.</summary>
    public float Order { get; init; }
    /// <summary>Shown in Studio.</summary>
    public bool IsBrowsable { get; init; } = true;
    /// <summary>Serialized into definitions.</summary>
    public bool IsSerializable { get; init; } = true;
    /// <summary>Computed, not declared.</summary>
    public bool IsSynthetic { get; init; }
    /// <summary>An expression wrapper (<c>{typeName, expression}</c>) rather than a plain value.</summary>
    public bool IsWrapped { get; init; }
    /// <summary>Editor.</summary>
    public string? UIHint { get; init; }
    /// <summary>Group.</summary>
    public string? Category { get; init; }
    /// <summary>Default value.</summary>
    public object? DefaultValue { get; init; }
    /// <summary>Default expression syntax.</summary>
    public string? DefaultSyntax { get; init; }
    /// <summary>Read-only in Studio.</summary>
    public bool IsReadOnly { get; init; }
    /// <summary>Hidden in logs.</summary>
    public bool IsSensitive { get; init; }
    /// <summary>Evaluated before the activity runs.</summary>
    public bool AutoEvaluate { get; init; } = true;
    /// <summary>Required (our extension; Studio ignores it).</summary>
    public bool IsRequired { get; init; }
    /// <summary>Editor settings, e.g. dropdown items.</summary>
    public Dictionary<string, object?>? UISpecifications { get; init; }
}

/// <summary>An output as Studio shows it.</summary>
public sealed class OutputDescriptor
{
    /// <summary>PascalCase name.</summary>
    public required string Name { get; init; }
    /// <summary>Type alias.</summary>
    public required string TypeName { get; init; }
    /// <summary>Label.</summary>
    public string? DisplayName { get; init; }
    /// <summary>Help text.</summary>
    public string? Description { get; init; }
    /// <summary>Shown in Studio.</summary>
    public bool IsBrowsable { get; init; } = true;
    /// <summary>Can be stored.</summary>
    public bool IsSerializable { get; init; } = true;
}

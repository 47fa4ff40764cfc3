using System.Text.Json.Serialization;

namespace LowCodeErp.Workflows.Abstractions;

/// <summary>
/// A variable declared on a workflow or container: <c>{id, name, typeName, isArray, value, storageDriverTypeName}</c>.
/// <c>value</c> is the initial value as text (numbers are accepted on read).
/// </summary>
public sealed class VariableDefinition
{
    /// <summary>Stable id; expressions and output bindings reference the variable by it.</summary>
    public string Id { get; set; } = "";

    /// <summary>Name used by scripts (<c>getAmount()</c>, <c>Variables.Amount</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>Elsa type alias, e.g. <c>Int32</c>, <c>String</c>, <c>Object</c>.</summary>
    public string TypeName { get; set; } = "Object";

    /// <summary>Whether the variable holds an array of <see cref="TypeName"/>.</summary>
    public bool IsArray { get; set; }

    /// <summary>Initial value as text.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Value { get; set; }

    /// <summary>Where the value is kept between bursts (Elsa's storage driver type name).</summary>
    public string? StorageDriverTypeName { get; set; }

    /// <summary>Properties of the JSON we do not model, kept for a lossless round trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Extra { get; set; }
}

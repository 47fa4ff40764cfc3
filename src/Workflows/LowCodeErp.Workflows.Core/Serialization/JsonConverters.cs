using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Serialization;

/// <summary>Reads and writes <c>{"type": ..., "value": ...}</c> expressions (a null type means Literal).</summary>
public sealed class ExpressionJsonConverter : JsonConverter<Expression>
{
    /// <inheritdoc />
    public override Expression? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return FromElement(document.RootElement);
    }

    /// <summary>Reads an expression object.</summary>
    public static Expression? FromElement(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return element.ValueKind == JsonValueKind.Null ? null : Expression.Literal(LiteralValue(element));
        }

        var type = JsonHelpers.GetProperty(element, "type") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null;
        var value = JsonHelpers.GetProperty(element, "value");
        type = string.IsNullOrEmpty(type) ? ExpressionTypes.Literal : type;
        return new Expression(type, value is null ? null : LiteralValue(value.Value));
    }

    /// <summary>Primitive JSON as CLR values; objects and arrays stay JSON.</summary>
    public static object? LiteralValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element.Clone(),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Expression value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ToNode(value).WriteTo(writer, options);
    }

    /// <summary>The JSON of an expression.</summary>
    public static JsonObject ToNode(Expression expression) => new()
    {
        ["type"] = expression.Type,
        ["value"] = JsonHelpers.ToNode(expression.Value),
    };
}

/// <summary>Activities nested inside plain input values (e.g. Switch cases) go through the current reader/writer.</summary>
public sealed class ActivityJsonConverter : JsonConverter<Activity>
{
    /// <inheritdoc />
    public override Activity? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var current = ActivityReader.Current ?? throw new JsonException("Activities can only be read as part of a definition.");
        return current.ReadNested(document.RootElement.Clone());
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Activity value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ActivityWriter.Write(value).WriteTo(writer, options);
    }
}

/// <summary>Small JSON helpers.</summary>
internal static class JsonHelpers
{
    public static JsonElement? GetProperty(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), SerializerOptions.Default),
    };

    public static JsonObject ToObject(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } e ? JsonNode.Parse(e.GetRawText())!.AsObject() : [];
}

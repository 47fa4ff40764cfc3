using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LowCodeErp.HumanTasks.Forms;

/// <summary>
/// A task form: <c>{"fields": [{"name", "label", "type", "required", "min", "max", "minLength", "maxLength",
/// "pattern", "options", "default"}]}</c>. Types: text, textarea, number, money, date, select, checkbox, file.
/// </summary>
public static class FormSchema
{
    /// <summary>The field types.</summary>
    public static readonly IReadOnlySet<string> FieldTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "text", "textarea", "number", "money", "date", "select", "checkbox", "file",
    };

    /// <summary>Reads a form from what the <c>form</c> input evaluated to (object, JSON text, or a bare field array).</summary>
    public static JsonObject Parse(object? value)
    {
        var node = value switch
        {
            null => null,
            string text when string.IsNullOrWhiteSpace(text) => null,
            string text => JsonNode.Parse(text),
            JsonNode json => json.DeepClone(),
            _ => JsonSerializer.SerializeToNode(value),
        };
        var form = node switch
        {
            null => new JsonObject { ["fields"] = new JsonArray() },
            JsonArray fields => new JsonObject { ["fields"] = fields },
            JsonObject obj => obj,
            _ => throw new FormatException("form must be an object with a 'fields' array."),
        };
        if (form["fields"] is not JsonArray list)
        {
            throw new FormatException("form.fields must be an array.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject field || field["name"]?.GetValue<string>() is not { Length: > 0 } name || !names.Add(name))
            {
                throw new FormatException($"form.fields[{i}]: every field needs a unique 'name'.");
            }

            var type = field["type"]?.GetValue<string>() ?? "text";
            if (!FieldTypes.Contains(type))
            {
                throw new FormatException($"form.fields[{i}].type: '{type}' is not one of {string.Join(", ", FieldTypes)}.");
            }

            if (field["pattern"] is JsonValue pattern && pattern.TryGetValue(out string? regex) && !IsValidPattern(regex))
            {
                throw new FormatException($"form.fields[{i}].pattern: '{regex}' is not a valid regular expression.");
            }
        }

        return form;
    }

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(200));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The fields of a parsed form.</summary>
    public static IEnumerable<JsonObject> Fields(JsonObject form) => (form["fields"] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>Whether a default is an expression (<c>{"type": "JavaScript", "value": "…"}</c>) rather than a literal.</summary>
    public static bool IsExpression(JsonNode? value, out string type, out string script)
    {
        type = script = "";
        if (value is JsonObject { Count: 2 } obj && obj["type"] is JsonValue t && obj["value"] is JsonValue v
            && t.TryGetValue(out string? typeName) && v.TryGetValue(out string? text))
        {
            type = typeName;
            script = text;
            return true;
        }

        return false;
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LowCodeErp.Web.Forms;

/// <summary>
/// A task's form on the page: the fields read from the task's JSON schema (<c>{"fields": [...]}</c>, as HumanTasks
/// stores it with expression defaults already evaluated), filled with defaults or with the data a completed task was
/// completed with; and the way back: the <c>data</c> object to submit, and the service's validation errors put on
/// the fields they name.
/// </summary>
public sealed class TaskForm
{
    private TaskForm(IReadOnlyList<FormFieldModel> fields) => Fields = fields;

    public IReadOnlyList<FormFieldModel> Fields { get; }

    /// <summary>Reads the schema; <paramref name="values"/> (a completed task's data) wins over defaults.</summary>
    public static TaskForm FromSchema(JsonElement schema, JsonElement? values = null)
    {
        var form = schema.ValueKind == JsonValueKind.Object ? JsonNode.Parse(schema.GetRawText()) as JsonObject : null;
        var given = values is { ValueKind: JsonValueKind.Object } v ? JsonNode.Parse(v.GetRawText()) as JsonObject : null;
        var fields = new List<FormFieldModel>();
        foreach (var field in (form?["fields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Text(field["name"]) is not { Length: > 0 } name)
            {
                continue;
            }

            var model = new FormFieldModel
            {
                Name = name,
                Label = Text(field["label"]) ?? name,
                Type = Text(field["type"]) ?? "text",
                Required = field["required"] is JsonValue r && r.TryGetValue(out bool required) && required,
                Min = Number(field["min"]),
                Max = Number(field["max"]),
                MinDate = Date(field["min"]),
                MaxDate = Date(field["max"]),
                MinLength = (int?)Number(field["minLength"]),
                MaxLength = (int?)Number(field["maxLength"]),
                Pattern = Text(field["pattern"]),
                Options = Options(field["options"]),
            };
            Fill(model, given is not null && given.TryGetPropertyValue(name, out var value) ? value : field["default"]);
            fields.Add(model);
        }

        return new TaskForm(fields);
    }

    /// <summary>Runs every field's check; true when all pass.</summary>
    public bool Validate() => Fields.Select(f => f.Validate()).ToList().TrueForAll(error => error is null);

    /// <summary>The <c>data</c> object: every field with a value.</summary>
    public JsonElement ToData()
    {
        var data = new JsonObject();
        foreach (var field in Fields)
        {
            if (field.ToJson() is { } value)
            {
                data[field.Name] = value;
            }
        }

        return JsonSerializer.SerializeToElement(data);
    }

    /// <summary>
    /// Puts the service's errors (<c>data.{field}</c> keys, as in its ProblemDetails) on the fields; returns the ones that
    /// name no field of this form (e.g. <c>outcome</c>, <c>comment</c>, <c>data</c>) keyed as they came.
    /// </summary>
    public Dictionary<string, string> ApplyServerErrors(IDictionary<string, string[]>? errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var rest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, messages) in errors)
        {
            var message = string.Join(" ", messages);
            var field = key.StartsWith("data.", StringComparison.Ordinal) ? Fields.FirstOrDefault(f => f.Name == key[5..]) : null;
            if (field is not null)
            {
                field.Error = message;
            }
            else
            {
                rest[key] = message;
            }
        }

        return rest;
    }

    private static void Fill(FormFieldModel field, JsonNode? value)
    {
        if (value is null)
        {
            return;
        }

        switch (field.Type)
        {
            case "number" or "money":
                field.Number = Number(value);
                break;
            case "date":
                field.Date = Date(value);
                break;
            case "checkbox":
                field.Checked = value is JsonValue b && b.TryGetValue(out bool isChecked) ? isChecked
                    : string.Equals(Text(value), "true", StringComparison.OrdinalIgnoreCase);
                break;
            default:
                field.Text = Text(value);
                break;
        }
    }

    private static IReadOnlyList<FormOption> Options(JsonNode? options) =>
        [.. (options as JsonArray ?? []).Select(o => o is JsonObject choice
                ? new FormOption(Text(choice["value"]) ?? "", Text(choice["label"]) ?? Text(choice["value"]) ?? "")
                : new FormOption(Text(o) ?? "", Text(o) ?? ""))
            .Where(o => o.Value.Length > 0)];

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue(out string? text) ? text : value.ToJsonString()
        : null;

    private static decimal? Number(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue(out decimal number) ? number
          : value.TryGetValue(out string? text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null
        : null;

    private static DateTime? Date(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcDateTime.Date
            : null;
}

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
        foreach (var definition in (form?["fields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var field = new FormFieldModel(definition);
            if (field.Name.Length == 0)
            {
                continue;
            }

            field.Fill(given is not null && given.TryGetPropertyValue(field.Name, out var value) ? value : definition["default"]);
            fields.Add(field);
        }

        return new TaskForm(fields);
    }

    /// <summary>
    /// The <c>data</c> object: every field, an empty one as null. The inputs start with the defaults, so an empty field
    /// is one the user cleared: the service must check it as empty rather than put the default back.
    /// </summary>
    public JsonElement ToData()
    {
        var data = new JsonObject();
        foreach (var field in Fields)
        {
            data[field.Name] = field.ToJson();
        }

        return JsonSerializer.SerializeToElement(data);
    }

    /// <summary>
    /// Puts the service's errors (<c>data.{field}</c> keys, as in its ProblemDetails) on the fields, clearing the others;
    /// returns the ones that name no field of this form (e.g. <c>outcome</c>, <c>comment</c>, <c>data</c>) keyed as they came.
    /// </summary>
    public Dictionary<string, string> ApplyServerErrors(IDictionary<string, string[]>? errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var field in Fields)
        {
            field.Error = null;
        }

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
}

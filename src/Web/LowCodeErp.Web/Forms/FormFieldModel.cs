using System.Globalization;
using System.Text.Json.Nodes;
using LowCodeErp.HumanTasks.Forms;

namespace LowCodeErp.Web.Forms;

/// <summary>A choice of a select field.</summary>
public sealed record FormOption(string Value, string Label);

/// <summary>
/// One field of a task form as the page edits it: the field's definition from the task's schema, the raw input an
/// input binds to (<see cref="Text"/> for text, number and select fields, <see cref="Date"/>, <see cref="Checked"/>), and
/// the error shown under it. The page has no rules of its own: every check is the task service's
/// <see cref="FormValidator.CheckField"/> on the value as it would be submitted, so the messages are the service's.
/// </summary>
public sealed class FormFieldModel(JsonObject definition)
{
    private const NumberStyles NumberInput = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>The field as the schema defines it (name, type, required, min, max, pattern, options, …).</summary>
    public JsonObject Definition { get; } = definition ?? throw new ArgumentNullException(nameof(definition));

    public string Name => Read("name") ?? "";
    public string Label => Read("label") ?? Name;
    /// <summary>text, textarea, number, money, date, select, checkbox or file (unknown types edit as text).</summary>
    public string Type => Read("type") ?? "text";
    public bool Required => Definition["required"] is JsonValue r && r.TryGetValue(out bool required) && required;
    /// <summary>For the textarea's counter only; the check is the validator's.</summary>
    public int? MaxLength => Definition["maxLength"] is JsonValue v && v.TryGetValue(out int length) ? length : null;
    /// <summary>Shown as a format hint only; the check is the validator's.</summary>
    public string? Pattern => Read("pattern");
    public IReadOnlyList<FormOption> Options =>
        [.. (Definition["options"] as JsonArray ?? []).Select(o => o is JsonObject choice
                ? new FormOption(AsText(choice["value"]) ?? "", AsText(choice["label"]) ?? AsText(choice["value"]) ?? "")
                : new FormOption(AsText(o) ?? "", AsText(o) ?? ""))
            .Where(o => o.Value.Length > 0)];

    /// <summary>What was typed or chosen (text, textarea, file, select; number and money as typed, never clamped).</summary>
    public string? Text { get; set; }
    public DateTime? Date { get; set; }
    public bool Checked { get; set; }

    /// <summary>The message under the input (this field's check or the service's answer on submit); null when fine.</summary>
    public string? Error { get; set; }

    /// <summary>
    /// The value as it goes into <c>data</c>: null when empty (the user cleared it: no default is applied), a number for
    /// number fields when the text is one, otherwise the text itself (which the validator answers with "must be a number.").
    /// </summary>
    public JsonNode? ToJson() => Type switch
    {
        "date" => DateValue(Date),
        "checkbox" => JsonValue.Create(Checked),
        _ => TextValue(Text),
    };

    /// <summary>Checks the current value with the task service's rules; sets and returns <see cref="Error"/>.</summary>
    public string? Validate() => Error = FormValidator.CheckField(Definition, ToJson());

    /// <summary>The check for a text-bound input's value (MudBlazor runs it itself on blur; see FormFieldInput).</summary>
    public string? Check(string? text) => FormValidator.CheckField(Definition, TextValue(text));

    /// <summary>The check for a date input's value.</summary>
    public string? Check(DateTime? date) => FormValidator.CheckField(Definition, DateValue(date));

    /// <summary>Puts a schema default or completed data into the input.</summary>
    public void Fill(JsonNode? value)
    {
        if (value is null)
        {
            return;
        }

        switch (Type)
        {
            case "date":
                Date = value is JsonValue v && v.TryGetValue(out string? text)
                       && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                    ? date.UtcDateTime.Date
                    : null;
                break;
            case "checkbox":
                Checked = value is JsonValue b && b.TryGetValue(out bool isChecked) ? isChecked
                    : string.Equals(AsText(value), "true", StringComparison.OrdinalIgnoreCase);
                break;
            case "money" when value is JsonValue m && m.TryGetValue(out decimal amount) && decimal.Round(amount, 2) == amount:
                Text = amount.ToString("0.00", CultureInfo.InvariantCulture);
                break;
            default:
                Text = AsText(value);
                break;
        }
    }

    private bool IsNumber => Type is "number" or "money";

    private JsonValue? TextValue(string? text) =>
        string.IsNullOrEmpty(text) || (IsNumber && string.IsNullOrWhiteSpace(text)) ? null
        : IsNumber && decimal.TryParse(text, NumberInput, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number)
        : JsonValue.Create(text);

    private static JsonValue? DateValue(DateTime? date) =>
        date is { } d ? JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;

    private string? Read(string property) => AsText(Definition[property]);

    private static string? AsText(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue(out string? text) ? text : value.ToJsonString()
        : null;
}

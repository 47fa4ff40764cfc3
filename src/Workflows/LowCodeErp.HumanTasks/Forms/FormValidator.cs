using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LowCodeErp.HumanTasks.Forms;

/// <summary>
/// Checks submitted data against a task's form; the errors are keyed <c>data.{field}</c> for ProblemDetails. The one
/// implementation of the form rules: the web inbox checks each field as it is edited with <see cref="CheckField"/>,
/// so its messages are the task service's by construction.
/// </summary>
public static class FormValidator
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>Validates <paramref name="data"/>; on success <paramref name="accepted"/> is the data with defaults filled in.</summary>
    public static Dictionary<string, string[]> Validate(JsonObject form, JsonElement? data, out JsonObject accepted)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        accepted = [];
        if (data is { } given && given.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined))
        {
            errors["data"] = ["must be an object keyed by field name."];
            return errors;
        }

        var values = data is { ValueKind: JsonValueKind.Object } obj ? JsonObject.Create(obj)! : [];
        var fields = FormSchema.Fields(form).ToDictionary(f => f["name"]!.GetValue<string>(), StringComparer.Ordinal);
        foreach (var name in values.Select(p => p.Key).Where(n => !fields.ContainsKey(n)))
        {
            errors[$"data.{name}"] = ["is not a field of this form."];
        }

        foreach (var (name, field) in fields)
        {
            var value = values.TryGetPropertyValue(name, out var v) ? v?.DeepClone() : field["default"]?.DeepClone();
            if (CheckField(field, value) is { } error)
            {
                errors[$"data.{name}"] = [error];
            }
            else if (value is not null)
            {
                accepted[name] = value;
            }
        }

        return errors;
    }

    /// <summary>
    /// The error for one field's value (null when fine): <paramref name="value"/> as it would stand in <c>data</c> (null or
    /// "" = empty; defaults are not applied here: <see cref="Validate"/> applies them to fields left out of <c>data</c>).
    /// </summary>
    public static string? CheckField(JsonObject field, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        var type = field["type"]?.GetValue<string>() ?? "text";
        var required = field["required"]?.GetValue<bool>() ?? false;
        if (value is null || (value is JsonValue s && s.TryGetValue(out string? text) && text.Length == 0))
        {
            return required ? "is required." : null;
        }

        return type switch
        {
            "number" or "money" => CheckNumber(field, value, type == "money"),
            "date" => CheckDate(field, value),
            "checkbox" => value is JsonValue b && b.TryGetValue(out bool isChecked) ? (required && !isChecked ? "must be checked." : null) : "must be true or false.",
            "select" => CheckSelect(field, value),
            _ => CheckText(field, value),
        };
    }

    private static string? CheckNumber(JsonObject field, JsonNode value, bool money)
    {
        if (value is not JsonValue v || !v.TryGetValue(out decimal number))
        {
            return "must be a number.";
        }

        if (money && decimal.Round(number, 2) != number)
        {
            return "must have at most 2 decimals.";
        }

        return field["min"] is JsonValue min && number < min.GetValue<decimal>() ? $"must be at least {min}."
            : field["max"] is JsonValue max && number > max.GetValue<decimal>() ? $"must be at most {max}."
            : null;
    }

    private static string? CheckDate(JsonObject field, JsonNode value)
    {
        if (value is not JsonValue v || !v.TryGetValue(out string? text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return "must be a date (yyyy-MM-dd).";
        }

        return Bound(field, "min") is { } min && date < min ? $"must be on or after {field["min"]}."
            : Bound(field, "max") is { } max && date > max ? $"must be on or before {field["max"]}."
            : null;
    }

    private static DateTimeOffset? Bound(JsonObject field, string name) =>
        field[name] is JsonValue v && v.TryGetValue(out string? text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string? CheckSelect(JsonObject field, JsonNode value)
    {
        var options = (field["options"] as JsonArray ?? []).Select(o => o is JsonObject obj ? obj["value"]?.ToString() : o?.ToString()).ToList();
        return value is JsonValue v && v.TryGetValue(out string? chosen) && options.Contains(chosen)
            ? null
            : $"must be one of: {string.Join(", ", options)}.";
    }

    private static string? CheckText(JsonObject field, JsonNode value)
    {
        // A file field holds a reference (an id or URL of an uploaded document), which is text as well.
        if (value is not JsonValue v || !v.TryGetValue(out string? text))
        {
            return "must be text.";
        }

        if (field["minLength"] is JsonValue minLength && text.Length < minLength.GetValue<int>())
        {
            return $"must have at least {minLength} characters.";
        }

        if (field["maxLength"] is JsonValue maxLength && text.Length > maxLength.GetValue<int>())
        {
            return $"must have at most {maxLength} characters.";
        }

        if (field["pattern"]?.GetValue<string>() is { Length: > 0 } pattern)
        {
            try
            {
                return Regex.IsMatch(text, $"^(?:{pattern})$", RegexOptions.None, PatternTimeout) ? null : $"must match {pattern}.";
            }
            catch (RegexMatchTimeoutException)
            {
                return $"must match {pattern}.";
            }
            catch (ArgumentException)
            {
                // FormSchema.Parse refuses such a form when the task is created; a row written before that still answers 400, not 500.
                return $"cannot be checked: the form's pattern {pattern} is not a valid regular expression.";
            }
        }

        return null;
    }
}

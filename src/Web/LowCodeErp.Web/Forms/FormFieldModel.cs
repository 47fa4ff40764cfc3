using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LowCodeErp.Web.Forms;

/// <summary>A choice of a select field.</summary>
public sealed record FormOption(string Value, string Label);

/// <summary>
/// One field of a task form as the page edits it: its rules from the schema, the value an input binds to (by type:
/// <see cref="Text"/>, <see cref="Number"/>, <see cref="Date"/> or <see cref="Checked"/>) and the error shown under it.
/// The checks mirror the task service's (HumanTasks FormValidator), so most mistakes are caught before the round trip;
/// the service checks again and its field errors land in <see cref="Error"/> too.
/// </summary>
public sealed class FormFieldModel
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    public required string Name { get; init; }
    public required string Label { get; init; }
    /// <summary>text, textarea, number, money, date, select, checkbox or file (unknown types edit as text).</summary>
    public required string Type { get; init; }
    public bool Required { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public DateTime? MinDate { get; init; }
    public DateTime? MaxDate { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public string? Pattern { get; init; }
    public IReadOnlyList<FormOption> Options { get; init; } = [];

    public string? Text { get; set; }
    public decimal? Number { get; set; }
    public DateTime? Date { get; set; }
    public bool Checked { get; set; }

    /// <summary>The message under the input (client check or the server's answer); null when fine.</summary>
    public string? Error { get; set; }

    /// <summary>The value as the task service expects it in <c>data</c>; null when empty (the field is left out).</summary>
    public JsonNode? ToJson() => Type switch
    {
        "number" or "money" => Number is { } number ? JsonValue.Create(number) : null,
        "date" => Date is { } date ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null,
        "checkbox" => JsonValue.Create(Checked),
        _ => string.IsNullOrEmpty(Text) ? null : JsonValue.Create(Text),
    };

    /// <summary>Checks the current value; sets and returns <see cref="Error"/>.</summary>
    public string? Validate()
    {
        Error = Type switch
        {
            "number" or "money" => CheckNumber(),
            "date" => CheckDate(),
            "checkbox" => Required && !Checked ? "must be checked." : null,
            "select" => CheckSelect(),
            _ => CheckText(),
        };
        return Error;
    }

    private string? CheckNumber() => Number switch
    {
        null => Required ? "is required." : null,
        { } n when Type == "money" && decimal.Round(n, 2) != n => "must have at most 2 decimals.",
        { } n when Min is { } min && n < min => $"must be at least {min.ToString(CultureInfo.InvariantCulture)}.",
        { } n when Max is { } max && n > max => $"must be at most {max.ToString(CultureInfo.InvariantCulture)}.",
        _ => null,
    };

    private string? CheckDate() => Date switch
    {
        null => Required ? "is required." : null,
        { } d when MinDate is { } min && d.Date < min.Date => $"must be on or after {min:yyyy-MM-dd}.",
        { } d when MaxDate is { } max && d.Date > max.Date => $"must be on or before {max:yyyy-MM-dd}.",
        _ => null,
    };

    private string? CheckSelect() => string.IsNullOrEmpty(Text)
        ? (Required ? "is required." : null)
        : Options.Any(o => o.Value == Text) ? null : $"must be one of: {string.Join(", ", Options.Select(o => o.Value))}.";

    private string? CheckText()
    {
        if (string.IsNullOrEmpty(Text))
        {
            return Required ? "is required." : null;
        }

        if (MinLength is { } minLength && Text.Length < minLength)
        {
            return $"must have at least {minLength} characters.";
        }

        if (MaxLength is { } maxLength && Text.Length > maxLength)
        {
            return $"must have at most {maxLength} characters.";
        }

        if (Pattern is { Length: > 0 } pattern)
        {
            try
            {
                return Regex.IsMatch(Text, $"^(?:{pattern})$", RegexOptions.None, PatternTimeout) ? null : $"must match {pattern}.";
            }
            catch (Exception exception) when (exception is RegexMatchTimeoutException or ArgumentException)
            {
                // A pattern .NET cannot run here is left to the server, which answers for it.
                return null;
            }
        }

        return null;
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace LowCodeErp.HumanTasks.Activities;

/// <summary>Normalizes the loosely typed values expressions return (a list may come as an array, JSON or "a, b").</summary>
internal static class InputValues
{
    /// <summary>A list of distinct non-empty names.</summary>
    public static List<string> Names(object? value)
    {
        var names = value switch
        {
            null => [],
            string text when text.TrimStart().StartsWith('[') => Names(JsonNode.Parse(text)),
            string text => text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.ToString()).ToList(),
            JsonElement element => Names(element.ValueKind == JsonValueKind.String ? element.GetString() : element.ToString()),
            JsonArray array => array.Select(n => n?.ToString() ?? "").ToList(),
            JsonNode node => Names(node.ToString()),
            System.Collections.IEnumerable items => items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? "").ToList(),
            _ => [Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""],
        };
        return [.. names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// A moment from an absolute date ("2026-12-01T12:00:00Z") or a duration after <paramref name="now"/>: ISO 8601
    /// ("P3D", "PT4H"), .NET ("3.00:00:00") or short ("30s", "15m", "4h", "3d").
    /// </summary>
    public static DateTimeOffset? Moment(string? text, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Duration(text) is { } duration ? now + duration
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime()
        : throw new FormatException($"'{text}' is neither a date nor a duration (e.g. P3D, PT4H, 3.00:00:00, 15m).");

    /// <summary>A duration in one of the forms <see cref="Moment"/> accepts; null when the text is none.</summary>
    public static TimeSpan? Duration(string text)
    {
        text = text.Trim();
        if (text.StartsWith('P'))
        {
            return XmlConvert.ToTimeSpan(text);
        }

        if (text.Length > 1 && char.IsDigit(text[0]) && "smhd".Contains(text[^1], StringComparison.Ordinal)
            && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return text[^1] switch { 's' => TimeSpan.FromSeconds(amount), 'm' => TimeSpan.FromMinutes(amount), 'h' => TimeSpan.FromHours(amount), _ => TimeSpan.FromDays(amount) };
        }

        return !text.Contains('-', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
    }
}

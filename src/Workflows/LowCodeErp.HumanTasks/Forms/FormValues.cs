using System.Text.Json;

namespace LowCodeErp.HumanTasks.Forms;

/// <summary>Form data as plain .NET values, so scripts and variables see objects rather than JSON elements.</summary>
public static class FormValues
{
    /// <summary>Dictionary, list, string, decimal (or double), bool or null.</summary>
    public static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetDecimal(out var d) ? d : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

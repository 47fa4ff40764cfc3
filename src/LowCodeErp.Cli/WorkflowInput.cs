using System.CommandLine.Parsing;
using System.Text.Json;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Cli;

/// <summary>Parses <c>--input</c>: a JSON object whose properties become the workflow's inputs.</summary>
internal static class WorkflowInput
{
    /// <summary>
    /// Custom parser of the option: a bad value is reported as a parse error, so it ends as a usage error (exit 2)
    /// before anything is loaded or run.
    /// </summary>
    public static Dictionary<string, object?>? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                result.AddError($"--input must be a JSON object (e.g. {{\"Name\":\"Ada\"}}), not {Describe(document.RootElement.ValueKind)}.");
                return null;
            }

            // Plain CLR values (strings, numbers, lists, expandos): what the engine's expressions expect as input.
            return document.RootElement.EnumerateObject()
                .ToDictionary(p => p.Name, p => ValueConversion.FromElement(p.Value), StringComparer.OrdinalIgnoreCase);
        }
        catch (JsonException ex)
        {
            result.AddError($"--input is not valid JSON: {ex.Message}");
            return null;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

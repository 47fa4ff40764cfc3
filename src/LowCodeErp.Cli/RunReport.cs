using System.Text.Json;
using System.Text.Json.Nodes;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;

namespace LowCodeErp.Cli;

/// <summary>The JSON object <c>erp run</c> prints: status, captured output, variables, open bookmarks, incidents.</summary>
public static class RunReport
{
    /// <summary>Builds the report of a run; <paramref name="writtenText"/> is everything WriteLine wrote.</summary>
    public static string ToJson(WorkflowExecutionContext workflow, string writtenText)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var variables = new JsonObject();
        foreach (var (name, value) in workflow.Variables)
        {
            variables[name] = ToNode(value);
        }

        var report = new JsonObject
        {
            ["status"] = workflow.Status.ToString(),
            ["subStatus"] = workflow.SubStatus.ToString(),
            ["output"] = new JsonArray([.. SplitLines(writtenText).Select(line => JsonValue.Create(line))]),
            ["variables"] = variables,
            ["bookmarks"] = new JsonArray([.. workflow.Bookmarks.Select(b => new JsonObject
            {
                ["activityId"] = b.ActivityId,
                ["name"] = b.Name,
            })]),
            ["incidents"] = new JsonArray([.. workflow.Incidents.Select(i => new JsonObject
            {
                ["activityId"] = i.ActivityId,
                ["message"] = i.Message,
            })]),
        };
        return report.ToJsonString(SerializerOptions.Default);
    }

    /// <summary>Lines as WriteLine wrote them: split on \n, a trailing \r stripped, the empty piece after the last newline dropped.</summary>
    public static IReadOnlyList<string> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    // Variable values are whatever activities and scripts stored (numbers, strings, expandos, lists, records); a value
    // JSON cannot represent (a cycle, NaN, a type without a serializer) is shown as its text rather than failing the run.
    private static JsonNode? ToNode(object? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.SerializeToNode(value, value.GetType(), SerializerOptions.Default);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return JsonValue.Create(value.ToString());
        }
    }
}

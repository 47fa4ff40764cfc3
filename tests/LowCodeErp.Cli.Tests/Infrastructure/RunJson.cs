using System.Text.Json;
using FluentAssertions;

namespace LowCodeErp.Cli.Tests.Infrastructure;

/// <summary>The <c>erp run</c> report read back, for tests that check one part of it.</summary>
public sealed record RunJson(string Status, string SubStatus, IReadOnlyList<string> Output, JsonElement Variables, JsonElement Bookmarks, JsonElement Incidents)
{
    /// <summary>Parses stdout, asserting it holds exactly one JSON object on one line with exactly the report's keys.</summary>
    public static RunJson Parse(CliResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.OutputLines.Should().ContainSingle(result.ToString());
        using var document = JsonDocument.Parse(result.OutputLines[0]);
        var root = document.RootElement.Clone();
        root.EnumerateObject().Select(p => p.Name).Should().Equal("status", "subStatus", "output", "variables", "bookmarks", "incidents");
        return new RunJson(
            root.GetProperty("status").GetString()!,
            root.GetProperty("subStatus").GetString()!,
            [.. root.GetProperty("output").EnumerateArray().Select(e => e.GetString()!)],
            root.GetProperty("variables"),
            root.GetProperty("bookmarks"),
            root.GetProperty("incidents"));
    }
}

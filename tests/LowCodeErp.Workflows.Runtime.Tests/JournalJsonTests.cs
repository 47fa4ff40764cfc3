using System.Text.Json;
using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>The hand-written journal writer must produce exactly what the serializer produces, so readers see no difference.</summary>
public sealed class JournalJsonTests
{
    [Fact]
    public void Segment_json_should_equal_the_serializers_output_for_entries_with_and_without_optional_fields()
    {
        var at = new DateTimeOffset(2026, 11, 28, 19, 40, 1, 234, TimeSpan.FromHours(2)).AddTicks(5678);
        List<JournalEntry> entries =
        [
            new(1, at, "1", null, "Workflow1", "Elsa.Workflow", null, "Workflow1", "Started", null, null),
            new(2, at.ToUniversalTime(), "2", "1", "write", "Elsa.WriteLine", "Say \"hi\" <ü> & 😀", "Workflow1:write", "Completed",
                "line\nbreak", new Dictionary<string, object?> { ["amount"] = 250.5m, ["tags"] = new[] { "a", "b" }, ["none"] = null }),
            new(long.MaxValue, at, "3", "2", "fault", "Erp.Custom", "name", "node", "Faulted", "boom", new ExceptionInfo("System.Exception", "bad", null, null)),
        ];

        var written = JournalJson.Write(entries);

        written.Should().Be(JsonSerializer.Serialize(entries, SerializerOptions.Default));
        JournalJson.WriteUtf8(entries).Should().Equal(JsonSerializer.SerializeToUtf8Bytes(entries, SerializerOptions.Default));
        JsonSerializer.Deserialize<List<JournalEntry>>(written, SerializerOptions.Default)!.Select(e => (e.Sequence, e.Timestamp, e.ActivityName, e.Message))
            .Should().Equal(entries.Select(e => (e.Sequence, e.Timestamp, e.ActivityName, e.Message)));
    }

    [Fact]
    public void An_empty_burst_should_write_an_empty_array_and_the_buffer_should_be_reusable()
    {
        JournalJson.Write([]).Should().Be("[]");
        var entry = new JournalEntry(7, DateTimeOffset.UnixEpoch, "7", null, "a", "T", null, "a", "Started", null, "payload");
        JournalJson.Write([entry]).Should().Be(JsonSerializer.Serialize(new[] { entry }, SerializerOptions.Default));
        JournalJson.Write([]).Should().Be("[]");
    }
}

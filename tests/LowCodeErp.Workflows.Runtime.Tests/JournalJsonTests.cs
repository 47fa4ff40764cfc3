using System.Text;
using System.Text.Json;
using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>A journal segment must read back as exactly the entries that were written, in the compact and the older format.</summary>
public sealed class JournalJsonTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 28, 19, 40, 1, 234, TimeSpan.Zero).AddTicks(5678);

    [Fact]
    public void Segment_should_read_back_every_field_of_entries_with_and_without_optional_fields()
    {
        List<JournalEntry> entries =
        [
            new(1, At, "1", null, "Workflow1", "Elsa.Workflow", null, "Workflow1", "Started", null, null),
            new(2, At.AddTicks(1), "2", "1", "write", "Elsa.WriteLine", "Say \"hi\" <ü> & 😀", "Workflow1:write", "Started", null, null),
            // Same activity execution again, a message and a free-form payload.
            new(3, At.AddMilliseconds(5), "2", "1", "write", "Elsa.WriteLine", "Say \"hi\" <ü> & 😀", "Workflow1:write", "Completed",
                "line\nbreak", new Dictionary<string, object?> { ["amount"] = 250.5m, ["tags"] = new[] { "a", "b" }, ["none"] = null }),
            // A gap in the sequence, a parent outside the segment, a payload of outcomes, an earlier clock reading.
            new(7, At.AddSeconds(-1), "9", "outside", "decide", "Elsa.FlowDecision", null, "Workflow1:decide", "Completed", null, new List<string> { "True" }),
            new(long.MaxValue, At, "3", "2", "fault", "Erp.Custom", "name", "node", "Faulted", "boom", new ExceptionInfo("System.Exception", "bad", null, null)),
        ];

        var read = JournalJson.Read(JournalJson.Write(entries));

        read.Select(Plain).Should().Equal(entries.Select(Plain));
        read.Select(e => e.Timestamp.Ticks).Should().Equal(entries.Select(e => e.Timestamp.Ticks), "timestamps keep their 100 ns precision");
        read.Select(e => e.Payload is null ? null : JsonSerializer.Serialize(e.Payload, SerializerOptions.Default))
            .Should().Equal(entries.Select(e => e.Payload is null ? null : JsonSerializer.Serialize(e.Payload, SerializerOptions.Default)));
        Encoding.UTF8.GetString(JournalJson.WriteUtf8(entries)).Should().Be(JournalJson.Write(entries));
    }

    [Fact]
    public void Segment_should_describe_each_activity_execution_once_and_be_a_fraction_of_the_entry_per_object_json()
    {
        var entries = Enumerable.Range(0, 11).SelectMany(i => new[]
        {
            new JournalEntry(2 * i + 1, At.AddTicks(100 * i), $"{i + 1}", i == 0 ? null : "1", $"WriteLine{i}", "Elsa.WriteLine", null, $"Workflow1:Flowchart1:WriteLine{i}", "Started", null, null),
            new JournalEntry(2 * i + 2, At.AddTicks(100 * i + 50), $"{i + 1}", i == 0 ? null : "1", $"WriteLine{i}", "Elsa.WriteLine", null, $"Workflow1:Flowchart1:WriteLine{i}", "Completed", null, null),
        }).ToList();

        var written = JournalJson.Write(entries);

        written.Should().Contain("\"v\":2");
        written.Split("Workflow1:Flowchart1:WriteLine3").Should().HaveCount(2, "an activity execution's description is written once, not once per entry");
        written.Length.Should().BeLessThan(JsonSerializer.Serialize(entries, SerializerOptions.Default).Length / 3);
        JournalJson.Read(written).Select(Plain).Should().Equal(entries.Select(Plain));
    }

    [Fact]
    public void A_segment_should_keep_a_shared_utc_offset()
    {
        var plusTwo = At.ToOffset(TimeSpan.FromHours(2));
        List<JournalEntry> entries =
        [
            new(1, plusTwo, "1", null, "a", "T", null, "a", "Started", null, null),
            new(2, plusTwo.AddTicks(3), "1", null, "a", "T", null, "a", "Completed", null, null),
        ];

        JournalJson.Read(JournalJson.Write(entries)).Select(e => e.Timestamp.Offset).Should().Equal(TimeSpan.FromHours(2), TimeSpan.FromHours(2));
    }

    [Theory]
    [InlineData("mixed offsets")]
    [InlineData("no execution id")]
    [InlineData("one execution described two ways")]
    public void Entries_the_compact_form_cannot_describe_exactly_should_still_read_back_exactly(string oddity)
    {
        var first = new JournalEntry(1, At, "1", null, "a", "T", null, "W:a", "Started", null, null);
        var second = oddity switch
        {
            "mixed offsets" => first with { Sequence = 2, Timestamp = At.ToOffset(TimeSpan.FromHours(-5)), EventName = "Completed" },
            "no execution id" => first with { Sequence = 2, ActivityInstanceId = null!, EventName = "Completed" },
            _ => first with { Sequence = 2, ActivityType = "Other", ActivityNodeId = "W:b", EventName = "Completed" },
        };

        var read = JournalJson.Read(JournalJson.Write([first, second]));

        read.Select(Plain).Should().Equal(Plain(first), Plain(second));
        read.Select(e => e.Timestamp.Offset).Should().Equal(first.Timestamp.Offset, second.Timestamp.Offset);
    }

    [Fact]
    public void A_segment_stored_as_an_array_of_entry_objects_by_an_earlier_version_should_still_be_read()
    {
        var entry = new JournalEntry(7, At, "7", "1", "a", "T", "name", "W:a", "Completed", "done", new[] { "Done" });
        var stored = JsonSerializer.Serialize(new[] { entry }, SerializerOptions.Default);

        var read = JournalJson.Read(stored);

        read.Select(Plain).Should().Equal(Plain(entry));
        JsonSerializer.Serialize(read[0].Payload, SerializerOptions.Default).Should().Be("[\"Done\"]");
    }

    [Fact]
    public void An_empty_burst_should_read_back_empty_and_an_unknown_format_should_be_refused()
    {
        JournalJson.Read(JournalJson.Write([])).Should().BeEmpty();
        var reading = () => JournalJson.Read("{\"v\":3,\"e\":[]}");
        reading.Should().Throw<JsonException>().WithMessage("*format 3*");
    }

    private static (long, DateTimeOffset, string, string?, string, string, string?, string, string, string?) Plain(JournalEntry e) =>
        (e.Sequence, e.Timestamp, e.ActivityInstanceId, e.ParentActivityInstanceId, e.ActivityId, e.ActivityType, e.ActivityName, e.ActivityNodeId, e.EventName, e.Message);
}

using System.Buffers;
using System.Text;
using System.Text.Json;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>
/// The JSON of a journal segment (the entries of one burst). Every save writes one — 22 entries for a 10-activity run —
/// and in the entry-per-object shape the serializer produces (about 5.6 KB per run, mostly repeated property names,
/// timestamps and activity descriptions) it was the largest part of a save, both to build and for SQLite to write. So a
/// segment is written compactly (<see cref="JournalSegmentFormat"/>, about 1.4 KB for the same run) into a reused
/// per-thread buffer; <see cref="Read"/> understands both that and the array of entry objects, which databases written
/// before it still hold. Entries the compact form cannot describe exactly (imported ones with a missing activity
/// execution id, differing descriptions of one execution, or mixed UTC offsets) are still written as that array.
/// </summary>
internal static class JournalJson
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Dictionary<string, int>? _activityIndexes;

    /// <summary>The entries as JSON text (EF's path: appends outside a burst).</summary>
    public static string Write(IReadOnlyList<JournalEntry> entries) => Encoding.UTF8.GetString(Serialize(entries));

    /// <summary>The entries as UTF-8 JSON bytes (the group-commit writer's path), with no text in between.</summary>
    public static byte[] WriteUtf8(IReadOnlyList<JournalEntry> entries) => Serialize(entries).ToArray();

    /// <summary>The entries of a stored segment, in either format.</summary>
    public static List<JournalEntry> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Array
            ? root.Deserialize<List<JournalEntry>>(SerializerOptions.Default) ?? []
            : JournalSegmentFormat.Read(root);
    }

    // The span is valid until this thread's next call.
    private static ReadOnlySpan<byte> Serialize(IReadOnlyList<JournalEntry> entries)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        var indexes = _activityIndexes ??= new Dictionary<string, int>(StringComparer.Ordinal);
        buffer.ResetWrittenCount();
        indexes.Clear();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SerializerOptions.Default.Encoder, SkipValidation = true }))
        {
            if (JournalSegmentFormat.CanDescribe(entries, indexes))
            {
                JournalSegmentFormat.Write(json, entries, indexes);
            }
            else
            {
                JsonSerializer.Serialize(json, entries, SerializerOptions.Default);
            }
        }

        if (buffer.Capacity > 1 << 20)
        {
            _buffer = null; // one huge burst must not pin a megabyte per thread forever (the span stays valid: it is not reused)
        }

        if (indexes.Count > 4096)
        {
            _activityIndexes = null;
        }

        return buffer.WrittenSpan;
    }
}

/// <summary>
/// A segment as one object: <c>{"v":2,"s":first sequence,"t":first timestamp,"a":[activity executions],"e":[entries]}</c>.
/// Each activity execution of the segment is described once, as <c>[activityInstanceId, parent, activityId, activityType,
/// activityName, activityNodeId]</c>, where parent is the index of another row of <c>a</c>, an id from outside the
/// segment, or null. An entry is <c>[row of a, eventName, ticks after t]</c>, followed only when needed by the sequence
/// (when it is not the previous one + 1), the message and the payload. Trailing nulls are left out. Timestamps are
/// restored with the first entry's offset, which <see cref="CanDescribe"/> requires all of them to share.
/// </summary>
internal static class JournalSegmentFormat
{
    public const int Version = 2;

    /// <summary>
    /// Whether every entry round-trips: each has an activity execution id, all entries of one execution describe it alike,
    /// and all timestamps share the first one's offset. Leaves <paramref name="indexes"/> empty.
    /// </summary>
    public static bool CanDescribe(IReadOnlyList<JournalEntry> entries, Dictionary<string, int> indexes)
    {
        var described = true;
        for (var i = 0; i < entries.Count && described; i++)
        {
            var entry = entries[i];
            if (entry.ActivityInstanceId is null || entry.Timestamp.Offset != entries[0].Timestamp.Offset)
            {
                described = false;
            }
            else if (!indexes.TryAdd(entry.ActivityInstanceId, i))
            {
                var first = entries[indexes[entry.ActivityInstanceId]];
                described = first.ParentActivityInstanceId == entry.ParentActivityInstanceId && first.ActivityId == entry.ActivityId
                            && first.ActivityType == entry.ActivityType && first.ActivityName == entry.ActivityName && first.ActivityNodeId == entry.ActivityNodeId;
            }
        }

        indexes.Clear();
        return described;
    }

    public static void Write(Utf8JsonWriter json, IReadOnlyList<JournalEntry> entries, Dictionary<string, int> indexes)
    {
        json.WriteStartObject();
        json.WriteNumber("v"u8, Version);
        if (entries.Count == 0)
        {
            json.WriteEndObject();
            return;
        }

        var first = entries[0];
        json.WriteNumber("s"u8, first.Sequence);
        json.WriteString("t"u8, first.Timestamp);
        json.WriteStartArray("a"u8);
        foreach (var entry in entries)
        {
            if (indexes.TryAdd(entry.ActivityInstanceId, indexes.Count))
            {
                WriteActivity(json, entry, indexes);
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("e"u8);
        var expected = first.Sequence;
        foreach (var entry in entries)
        {
            WriteEntry(json, entry, indexes[entry.ActivityInstanceId], entry.Sequence == expected ? null : entry.Sequence, entry.Timestamp - first.Timestamp);
            expected = entry.Sequence + 1;
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static List<JournalEntry> Read(JsonElement segment)
    {
        if (!segment.TryGetProperty("v", out var version) || version.GetInt32() != Version)
        {
            throw new JsonException($"Unknown journal segment format {(version.ValueKind == JsonValueKind.Undefined ? "(no version)" : version.ToString())}.");
        }

        if (!segment.TryGetProperty("e", out var rows))
        {
            return [];
        }

        var sequence = segment.GetProperty("s").GetInt64();
        var start = segment.GetProperty("t").GetDateTimeOffset();
        var activities = segment.GetProperty("a").EnumerateArray().ToList();
        var entries = new List<JournalEntry>(rows.GetArrayLength());
        foreach (var row in rows.EnumerateArray())
        {
            var activity = activities[Field(row, 0).GetInt32()];
            if (Field(row, 3) is { ValueKind: JsonValueKind.Number } explicitSequence)
            {
                sequence = explicitSequence.GetInt64();
            }

            var parent = Field(activity, 1);
            entries.Add(new JournalEntry(
                sequence,
                start.AddTicks(Field(row, 2).GetInt64()),
                Field(activity, 0).GetString()!,
                parent.ValueKind == JsonValueKind.Number ? Field(activities[parent.GetInt32()], 0).GetString() : Text(parent),
                Field(activity, 2).GetString()!,
                Field(activity, 3).GetString()!,
                Text(Field(activity, 4)),
                Field(activity, 5).GetString()!,
                Field(row, 1).GetString()!,
                Text(Field(row, 4)),
                Field(row, 5) is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } payload ? payload.Clone() : null));
            sequence++;
        }

        return entries;
    }

    private static void WriteActivity(Utf8JsonWriter json, JournalEntry entry, Dictionary<string, int> indexes)
    {
        json.WriteStartArray();
        json.WriteStringValue(entry.ActivityInstanceId);
        if (entry.ParentActivityInstanceId is null)
        {
            json.WriteNullValue();
        }
        else if (indexes.TryGetValue(entry.ParentActivityInstanceId, out var parent))
        {
            json.WriteNumberValue(parent);
        }
        else
        {
            json.WriteStringValue(entry.ParentActivityInstanceId);
        }

        json.WriteStringValue(entry.ActivityId);
        json.WriteStringValue(entry.ActivityType);
        if (entry.ActivityName is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(entry.ActivityName);
        }

        json.WriteStringValue(entry.ActivityNodeId);
        json.WriteEndArray();
    }

    private static void WriteEntry(Utf8JsonWriter json, JournalEntry entry, int activity, long? sequence, TimeSpan offset)
    {
        json.WriteStartArray();
        json.WriteNumberValue(activity);
        json.WriteStringValue(entry.EventName);
        json.WriteNumberValue(offset.Ticks);
        // Optional tail: written up to the last field that is present.
        var tail = entry.Payload is not null ? 3 : entry.Message is not null ? 2 : sequence is not null ? 1 : 0;
        if (tail >= 1)
        {
            WriteNumberOrNull(json, sequence);
        }

        if (tail >= 2)
        {
            if (entry.Message is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteStringValue(entry.Message);
            }
        }

        if (tail == 3)
        {
            WritePayload(json, entry.Payload!);
        }

        json.WriteEndArray();
    }

    private static void WritePayload(Utf8JsonWriter json, object payload)
    {
        // The common payload, a completed activity's outcomes, without the serializer's reflection path.
        if (payload is IReadOnlyList<string> strings)
        {
            json.WriteStartArray();
            foreach (var text in strings)
            {
                json.WriteStringValue(text);
            }

            json.WriteEndArray();
            return;
        }

        JsonSerializer.Serialize(json, payload, SerializerOptions.Default);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumberValue(number);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static JsonElement Field(JsonElement array, int index) => index < array.GetArrayLength() ? array[index] : default;

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

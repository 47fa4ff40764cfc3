using System.Buffers;
using System.Text;
using System.Text.Json;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>
/// Writes journal entries as the JSON array <see cref="JsonSerializer"/> would (same names, order, omitted nulls and
/// escaping), field by field into a reused per-thread buffer. Every burst of every instance writes a segment (22 entries
/// for a 10-activity run, about 5.6 KB), and the reflection-driven serializer made that the most expensive part of a save.
/// Payloads are free-form objects and still go through the serializer.
/// </summary>
internal static class JournalJson
{
    private static readonly JsonEncodedText Sequence = JsonEncodedText.Encode("sequence");
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText ActivityInstanceId = JsonEncodedText.Encode("activityInstanceId");
    private static readonly JsonEncodedText ParentActivityInstanceId = JsonEncodedText.Encode("parentActivityInstanceId");
    private static readonly JsonEncodedText ActivityId = JsonEncodedText.Encode("activityId");
    private static readonly JsonEncodedText ActivityType = JsonEncodedText.Encode("activityType");
    private static readonly JsonEncodedText ActivityName = JsonEncodedText.Encode("activityName");
    private static readonly JsonEncodedText ActivityNodeId = JsonEncodedText.Encode("activityNodeId");
    private static readonly JsonEncodedText EventName = JsonEncodedText.Encode("eventName");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Payload = JsonEncodedText.Encode("payload");

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    /// <summary>The entries as JSON text (EF's path: appends outside a burst).</summary>
    public static string Write(IReadOnlyList<JournalEntry> entries) => Encoding.UTF8.GetString(Serialize(entries));

    /// <summary>The entries as UTF-8 JSON bytes (the group-commit writer's path), with no text in between.</summary>
    public static byte[] WriteUtf8(IReadOnlyList<JournalEntry> entries) => Serialize(entries).ToArray();

    // The span is valid until this thread's next call.
    private static ReadOnlySpan<byte> Serialize(IReadOnlyList<JournalEntry> entries)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(8192);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SerializerOptions.Default.Encoder, SkipValidation = true }))
        {
            json.WriteStartArray();
            foreach (var entry in entries)
            {
                WriteEntry(json, entry);
            }

            json.WriteEndArray();
        }

        if (buffer.Capacity > 1 << 20)
        {
            _buffer = null; // one huge burst must not pin a megabyte per thread forever (the span stays valid: it is not reused)
        }

        return buffer.WrittenSpan;
    }

    private static void WriteEntry(Utf8JsonWriter json, JournalEntry entry)
    {
        json.WriteStartObject();
        json.WriteNumber(Sequence, entry.Sequence);
        json.WriteString(Timestamp, entry.Timestamp);
        json.WriteString(ActivityInstanceId, entry.ActivityInstanceId);
        WriteIfNotNull(json, ParentActivityInstanceId, entry.ParentActivityInstanceId);
        json.WriteString(ActivityId, entry.ActivityId);
        json.WriteString(ActivityType, entry.ActivityType);
        WriteIfNotNull(json, ActivityName, entry.ActivityName);
        json.WriteString(ActivityNodeId, entry.ActivityNodeId);
        json.WriteString(EventName, entry.EventName);
        WriteIfNotNull(json, Message, entry.Message);
        if (entry.Payload is not null)
        {
            json.WritePropertyName(Payload);
            JsonSerializer.Serialize(json, entry.Payload, SerializerOptions.Default);
        }

        json.WriteEndObject();
    }

    private static void WriteIfNotNull(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}

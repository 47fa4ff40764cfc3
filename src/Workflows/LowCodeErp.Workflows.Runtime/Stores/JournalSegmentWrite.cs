using System.Text;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>
/// The journal segment row of one save (<see cref="Persistence.JournalSegmentRecord"/>'s columns), holding its entries as
/// the UTF-8 JSON <see cref="JournalJson"/> writes. SQLite stores these bytes as they are (as TEXT, so every reader sees
/// the same column as before); a string of about 11 KB and two UTF-8/UTF-16 conversions per save are gone. Server
/// databases bind text: <see cref="Text"/> is made when the unit is queued, on the saving caller's thread.
/// </summary>
internal sealed class JournalSegmentWrite(string instanceId, long firstSequence, long lastSequence, byte[] entriesUtf8)
{
    public string InstanceId { get; } = instanceId;

    public long FirstSequence { get; } = firstSequence;

    public long LastSequence { get; } = lastSequence;

    /// <summary>The segment's JSON (<see cref="JournalJson"/>) as UTF-8, entries in sequence order.</summary>
    public byte[] EntriesUtf8 { get; } = entriesUtf8;

    /// <summary>The entries as text, for providers that bind strings; null until <see cref="MakeText"/>.</summary>
    public string? Text { get; private set; }

    public void MakeText() => Text ??= Encoding.UTF8.GetString(EntriesUtf8);
}

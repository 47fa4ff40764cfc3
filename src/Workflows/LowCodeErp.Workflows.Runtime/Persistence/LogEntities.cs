namespace LowCodeErp.Workflows.Runtime.Persistence;

/// <summary>A fault recorded against an activity of an instance (append-only).</summary>
public sealed class IncidentRecord
{
    /// <summary>Row id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Instance.</summary>
    public string InstanceId { get; set; } = "";
    /// <summary>Faulted activity.</summary>
    public string ActivityId { get; set; } = "";
    /// <summary>Faulted activity node.</summary>
    public string? ActivityNodeId { get; set; }
    /// <summary>Faulted activity execution.</summary>
    public string? ActivityInstanceId { get; set; }
    /// <summary>Activity type.</summary>
    public string? ActivityType { get; set; }
    /// <summary>Message.</summary>
    public string Message { get; set; } = "";
    /// <summary>Exception (type, message, stack, inner) as JSON.</summary>
    public string? ExceptionJson { get; set; }
    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp { get; set; }
}

/// <summary>
/// The journal entries one burst produced, as one JSON array keyed by (instance, first sequence). A burst writes one
/// row instead of one per entry (a 10-activity run makes ~22 entries), which keeps the save of a burst to a handful of
/// rows; readers page through the entries of the segments overlapping the range they want.
/// </summary>
public sealed class JournalSegmentRecord
{
    /// <summary>Instance.</summary>
    public string InstanceId { get; set; } = "";
    /// <summary>Sequence of the first entry in the segment.</summary>
    public long FirstSequence { get; set; }
    /// <summary>Sequence of the last entry in the segment.</summary>
    public long LastSequence { get; set; }
    /// <summary>The entries (Core's <c>JournalEntry</c>) as a JSON array in sequence order.</summary>
    public string EntriesJson { get; set; } = "[]";
}

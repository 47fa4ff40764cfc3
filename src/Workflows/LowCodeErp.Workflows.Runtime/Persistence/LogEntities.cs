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
/// The journal entries one burst produced, as one JSON segment keyed by (instance, last sequence). A burst writes one
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
    /// <summary>The entries (Core's <c>JournalEntry</c>) in sequence order, as <c>Stores/JournalJson</c> writes them.</summary>
    public string EntriesJson { get; set; } = "[]";
}

/// <summary>
/// A stimulus that matched no bookmark and no trigger when it arrived, kept until <see cref="ExpiresAt"/> so that a
/// bookmark made moments later still receives it (Elsa's bookmark queue): an event sent just before the instance that
/// waits for it has reached its Event activity is not lost.
/// </summary>
public sealed class BookmarkQueueItemRecord
{
    /// <summary>Row id.</summary>
    public string Id { get; set; } = "";
    /// <summary>The stimulus hash (bookmark name + payload) a bookmark must have.</summary>
    public string Hash { get; set; } = "";
    /// <summary>The stimulus name, for people reading the table.</summary>
    public string Name { get; set; } = "";
    /// <summary>The stimulus payload as JSON (an event's name, for example), for people and logs: matching uses <see cref="Hash"/>.</summary>
    public string? PayloadJson { get; set; }
    /// <summary>Only instances with this correlation id, when set.</summary>
    public string? CorrelationId { get; set; }
    /// <summary>The input the resumed activity receives, as JSON.</summary>
    public string? InputJson { get; set; }
    /// <summary>When it was queued.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When it is dropped if no bookmark took it.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}

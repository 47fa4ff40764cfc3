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

/// <summary>One journal entry of an instance, keyed by (instance, sequence).</summary>
public sealed class JournalRecord
{
    /// <summary>Instance.</summary>
    public string InstanceId { get; set; } = "";
    /// <summary>Monotonic per instance.</summary>
    public long Sequence { get; set; }
    /// <summary>Activity execution id.</summary>
    public string ActivityInstanceId { get; set; } = "";
    /// <summary>Parent activity execution id.</summary>
    public string? ParentActivityInstanceId { get; set; }
    /// <summary>Activity id.</summary>
    public string ActivityId { get; set; } = "";
    /// <summary>Activity type.</summary>
    public string ActivityType { get; set; } = "";
    /// <summary>Activity name.</summary>
    public string? ActivityName { get; set; }
    /// <summary>Activity node id.</summary>
    public string? ActivityNodeId { get; set; }
    /// <summary>Started, Completed, Faulted, …</summary>
    public string EventName { get; set; } = "";
    /// <summary>Message.</summary>
    public string? Message { get; set; }
    /// <summary>Payload as JSON.</summary>
    public string? PayloadJson { get; set; }
    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp { get; set; }
}

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>A fault recorded against an activity (Elsa's ActivityIncident).</summary>
public sealed record Incident(
    string ActivityId,
    string ActivityNodeId,
    string ActivityInstanceId,
    string ActivityType,
    string Message,
    ExceptionInfo? Exception,
    DateTimeOffset Timestamp);

/// <summary>The serializable part of an exception.</summary>
public sealed record ExceptionInfo(string Type, string Message, string? StackTrace, ExceptionInfo? InnerException)
{
    /// <summary>Captures an exception.</summary>
    public static ExceptionInfo From(Exception exception) => new(
        exception.GetType().FullName ?? exception.GetType().Name,
        exception.Message,
        exception.StackTrace,
        exception.InnerException is null ? null : From(exception.InnerException));
}

/// <summary>One journal entry (Elsa's WorkflowExecutionLogRecord, minus the instance-level ids).</summary>
public sealed record JournalEntry(
    long Sequence,
    DateTimeOffset Timestamp,
    string ActivityInstanceId,
    string? ParentActivityInstanceId,
    string ActivityId,
    string ActivityType,
    string? ActivityName,
    string ActivityNodeId,
    string EventName,
    string? Message,
    object? Payload);

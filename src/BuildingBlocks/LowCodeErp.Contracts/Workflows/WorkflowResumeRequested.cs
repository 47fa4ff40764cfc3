namespace LowCodeErp.Contracts.Workflows;

/// <summary>A service asked the workflow server to resume the bookmark(s) matching a stimulus (e.g. a signal name).</summary>
public sealed record WorkflowResumeRequested(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string ActivityType,
    string? WorkflowInstanceId,
    string? CorrelationId,
    IReadOnlyDictionary<string, object?>? Input) : IIntegrationEvent;

namespace LowCodeErp.Contracts.Workflows;

/// <summary>
/// A service asked the workflow server to start a published definition (dispatched over the bus so the request
/// survives a server restart). The event id doubles as the idempotency key of the start.
/// </summary>
public sealed record WorkflowStartRequested(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string DefinitionId,
    string? CorrelationId,
    IReadOnlyDictionary<string, object?>? Input) : IIntegrationEvent;

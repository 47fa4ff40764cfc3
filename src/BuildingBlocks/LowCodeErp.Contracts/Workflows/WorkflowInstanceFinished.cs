namespace LowCodeErp.Contracts.Workflows;

/// <summary>A workflow instance reached a final state (finished, faulted or cancelled).</summary>
/// <param name="Status">The runtime's final status name, e.g. "Finished", "Faulted", "Cancelled".</param>
public sealed record WorkflowInstanceFinished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string WorkflowInstanceId,
    string DefinitionId,
    int DefinitionVersion,
    string Status,
    string? CorrelationId) : IIntegrationEvent;

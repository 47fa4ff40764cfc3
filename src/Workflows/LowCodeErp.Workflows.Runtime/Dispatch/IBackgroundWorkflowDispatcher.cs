using LowCodeErp.Workflows.Runtime.Services;

namespace LowCodeErp.Workflows.Runtime.Dispatch;

/// <summary>
/// Runs workflow work in the background, on whichever server replica takes it from the bus. Callers get an answer as
/// soon as the work is durable, not when it has run.
/// </summary>
public interface IBackgroundWorkflowDispatcher
{
    /// <summary>
    /// Saves the new instance's start marker (so it survives a crash: recovery runs it) and queues its first burst.
    /// Returns the instance id. Throws <see cref="WorkflowDefinitionNotFoundException"/> for an unknown definition and
    /// <see cref="ConcurrencyConflictException"/> when an instance with the requested id exists already.
    /// </summary>
    Task<string> DispatchStartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default);

    /// <summary>Queues the first burst of an instance whose start marker is already saved (a dispatched child instance).</summary>
    Task DispatchPendingAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Queues the resumption of a bookmark.</summary>
    Task DispatchResumeAsync(string bookmarkId, IReadOnlyDictionary<string, object?>? input = null, CancellationToken cancellationToken = default);

    /// <summary>Queues the delivery of an <c>Elsa.Event</c>.</summary>
    Task DispatchEventAsync(string eventName, string? correlationId = null, IReadOnlyDictionary<string, object?>? input = null, CancellationToken cancellationToken = default);
}

using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>A loaded instance with the stamp to pass back on save.</summary>
public sealed record StoredInstance(WorkflowState State, Guid ConcurrencyStamp);

/// <summary>An instance row without its state (lists).</summary>
public sealed record WorkflowInstanceSummary(
    string Id, string DefinitionId, string DefinitionVersionId, int Version, string? CorrelationId, string? Name,
    WorkflowStatus Status, WorkflowSubStatus SubStatus, int IncidentCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt);

/// <summary>Instance list filter; <see cref="Page"/> is 0-based.</summary>
public sealed record InstanceQuery(string? DefinitionId = null, WorkflowStatus? Status = null, string? CorrelationId = null, int Page = 0, int PageSize = 50);

/// <summary>One page and the total match count.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>Instance state with optimistic concurrency.</summary>
public interface IWorkflowInstanceStore
{
    /// <summary>Loads an instance, or null.</summary>
    Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the state and, in the same transaction, replaces the instance's bookmark rows with the state's bookmarks.
    /// <paramref name="expectedStamp"/> is the stamp it was loaded with (null for a new instance); when another save
    /// happened since, nothing is written and <see cref="ConcurrencyConflictException"/> is thrown. Returns the new stamp.
    /// </summary>
    Task<Guid> SaveAsync(WorkflowState state, Guid? expectedStamp, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes instances with their bookmarks, timers, incidents and journal, as Elsa does (its instance delete is not
    /// a soft delete: the bookmarks must never resume again). Returns how many instances existed.
    /// </summary>
    Task<int> DeleteAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default);

    /// <summary>Instances matching the filter, newest first.</summary>
    Task<PagedResult<WorkflowInstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default);
}

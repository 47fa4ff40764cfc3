using System.Text.Json;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>Instances as <see cref="WorkflowState"/> JSON plus the columns lists filter on.</summary>
public sealed class EfWorkflowInstanceStore(IDbContextFactory<WorkflowsDbContext> contexts, GroupCommitWriter writer) : IWorkflowInstanceStore
{
    /// <inheritdoc />
    public async Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        return row is null ? null : new StoredInstance(
            JsonSerializer.Deserialize<WorkflowState>(row.StateJson, SerializerOptions.Default)
                ?? throw new InvalidOperationException($"Instance '{instanceId}' has an empty state."),
            row.ConcurrencyStamp);
    }

    /// <inheritdoc />
    public Task<Guid> SaveAsync(WorkflowState state, Guid? expectedStamp, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return SaveAsync(Prepare(state, expectedStamp));
    }

    /// <summary>
    /// The unit that saves <paramref name="state"/>: its row with a new stamp and its bookmark rows. The JSON is serialized
    /// here, on the caller's thread, so the writer's transaction only moves rows (callers run in parallel, a batch commits
    /// on one connection). Callers add the burst's other rows before <see cref="SaveAsync(InstanceWrite)"/>.
    /// </summary>
    internal static InstanceWrite Prepare(WorkflowState state, Guid? expectedStamp)
    {
        ArgumentNullException.ThrowIfNull(state);
        var row = new WorkflowInstanceRecord { Id = state.Id, CreatedAt = state.CreatedAt.ToUniversalTime(), ConcurrencyStamp = InstanceIds.NewVersion4() };
        Copy(state, row);
        return new InstanceWrite(row, expectedStamp, [.. state.Bookmarks.Select(b => BookmarkRows.From(b, state))]);
    }

    /// <summary>Queues the unit on the group-commit writer; returns the new stamp once it is committed.</summary>
    internal async Task<Guid> SaveAsync(InstanceWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        await writer.WriteAsync(write);
        return write.Row.ConcurrencyStamp;
    }

    /// <inheritdoc />
    public async Task<int> DeleteAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        var ids = instanceIds.Distinct(StringComparer.Ordinal).ToList();
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Bookmarks.Where(b => ids.Contains(b.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Timers.Where(t => t.InstanceId != null && ids.Contains(t.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Incidents.Where(i => ids.Contains(i.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.Journal.Where(j => ids.Contains(j.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Instances.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <inheritdoc />
    public async Task<PagedResult<WorkflowInstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = contexts.CreateDbContext();
        var rows = db.Instances.AsNoTracking();
        rows = query.DefinitionId is null ? rows : rows.Where(i => i.DefinitionId == query.DefinitionId);
        rows = query.Status is null ? rows : rows.Where(i => i.Status == query.Status);
        rows = query.CorrelationId is null ? rows : rows.Where(i => i.CorrelationId == query.CorrelationId);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(i => new WorkflowInstanceSummary(i.Id, i.DefinitionId, i.DefinitionVersionId, i.Version, i.CorrelationId, i.Name,
                i.Status, i.SubStatus, i.IncidentCount, i.CreatedAt, i.UpdatedAt, i.FinishedAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<WorkflowInstanceSummary>(items, total);
    }

    private static void Copy(WorkflowState state, WorkflowInstanceRecord row)
    {
        row.DefinitionId = state.DefinitionId;
        row.DefinitionVersionId = state.DefinitionVersionId;
        row.Version = state.DefinitionVersion;
        row.CorrelationId = state.CorrelationId;
        row.Name = state.Name;
        row.Status = state.Status;
        row.SubStatus = state.SubStatus;
        row.IncidentCount = state.Incidents.Count;
        row.StateJson = JsonSerializer.Serialize(state, SerializerOptions.Default);
        // Always UTC: PostgreSQL's timestamptz takes no other offset, and SQLite stores the ticks as a sortable number.
        row.UpdatedAt = state.UpdatedAt.ToUniversalTime();
        row.FinishedAt = state.FinishedAt?.ToUniversalTime();
    }
}

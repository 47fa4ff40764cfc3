using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>
/// The durable runtime: every operation takes the instance's lock, restores its state on the pinned definition
/// version, runs one burst and saves it (<see cref="BurstPersister"/>) before the lock is released. Events published
/// during the burst are delivered only after that, so a receiver never sees a sender that is not yet saved.
/// </summary>
public sealed partial class WorkflowRuntime(
    IWorkflowDefinitionStore definitions, EfWorkflowInstanceStore instances, IBookmarkStore bookmarks, WorkflowRunner runner,
    WorkflowStateMapper mapper, IInstanceLockProvider locks, TriggerIndexer triggers, TimeProvider clock,
    IEnumerable<IBurstParticipant> participants, IServiceProvider services) : IWorkflowRuntime
{
    /// <summary>The instance property naming the parent of a child instance (Elsa's name).</summary>
    internal const string ParentInstanceIdProperty = "ParentInstanceId";

    private readonly BurstPersister _persister = new(instances, [.. participants], () => services.GetService<BookmarkQueue>()?.BookmarksSaved());

    /// <inheritdoc />
    public async Task<WorkflowRunResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = await definitions.FindAsync(request.DefinitionId, request.Version, cancellationToken)
                         ?? throw new WorkflowDefinitionNotFoundException(request.DefinitionId);
        return await StartAsync(definition, request, cancellationToken);
    }

    /// <summary>Starts an instance of a definition already loaded (triggers start their own indexed version).</summary>
    internal Task<WorkflowRunResult> StartAsync(WorkflowDefinition definition, StartWorkflowRequest request, CancellationToken cancellationToken) =>
        WithOutboxAsync(async () =>
        {
            var instanceId = request.InstanceId ?? InstanceIds.New(clock.GetUtcNow());
            // A fresh id is known to nobody before this start has saved, so nobody can contend for it; only a
            // caller-chosen id needs the lock (on PostgreSQL that saves a connection and two round trips per start).
            await using var held = request.InstanceId is null ? NoLock.Instance : await locks.AcquireAsync(instanceId, cancellationToken);
            Guid? stamp = null;
            if (request.InstanceId is not null)
            {
                // The caller already handed the id out (the API answers before the run ends): make the instance durable
                // first, so a crash mid-burst leaves an Executing row that recovery re-runs instead of a lost instance.
                stamp = await instances.SaveAsync(PendingStart(definition, request, instanceId), null, cancellationToken);
            }

            return await RunStartAsync(definition, instanceId, request.CorrelationId, request.Input, request.TriggerActivityId, null, stamp, cancellationToken);
        });

    /// <inheritdoc />
    public Task<WorkflowRunResult> ResumeAsync(string bookmarkId, IReadOnlyDictionary<string, object?>? input = null, CancellationToken cancellationToken = default) =>
        WithOutboxAsync(() => ResumeCoreAsync(bookmarkId, input, cancellationToken));

    /// <inheritdoc />
    public Task<WorkflowRunResult?> CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
        WithOutboxAsync(async () =>
        {
            await using var held = await locks.AcquireAsync(instanceId, cancellationToken);
            if (await LoadAsync(instanceId, cancellationToken) is not { } loaded)
            {
                return null;
            }

            await runner.CancelAsync(loaded.Workflow);
            await _persister.SaveAsync(loaded, cancellationToken);
            return (WorkflowRunResult?)Result(loaded.Workflow);
        });

    /// <inheritdoc />
    public Task<WorkflowRunResult> RetryAsync(string instanceId, string? activityInstanceId = null, CancellationToken cancellationToken = default) =>
        WithOutboxAsync(async () =>
        {
            await using var held = await locks.AcquireAsync(instanceId, cancellationToken);
            var loaded = await LoadAsync(instanceId, cancellationToken) ?? throw new WorkflowInstanceNotFoundException(instanceId);
            // Without an explicit execution, the latest incident's: that is the one an operator looks at.
            var target = activityInstanceId ?? loaded.Workflow.Incidents.LastOrDefault()?.ActivityInstanceId
                         ?? throw new InvalidOperationException($"Instance '{instanceId}' has no incident to retry.");
            await runner.RetryAsync(loaded.Workflow, target, cancellationToken);
            await _persister.SaveAsync(loaded, cancellationToken);
            return Result(loaded.Workflow);
        });

    private async Task<WorkflowRunResult> ResumeCoreAsync(string bookmarkId, IReadOnlyDictionary<string, object?>? input, CancellationToken cancellationToken)
    {
        var row = await bookmarks.FindByIdAsync(bookmarkId, cancellationToken) ?? throw new BookmarkNotFoundException(bookmarkId);
        await using var held = await locks.AcquireAsync(row.InstanceId, cancellationToken);
        // Re-read under the lock: whoever held it before may have resumed this very bookmark.
        var loaded = await LoadAsync(row.InstanceId, cancellationToken) ?? throw new BookmarkNotFoundException(bookmarkId);
        await runner.ResumeAsync(loaded.Workflow, bookmarkId, input, cancellationToken);
        try
        {
            await _persister.SaveAsync(loaded, cancellationToken);
        }
        catch (ConcurrencyConflictException exception)
        {
            // Another executor saved first (only possible past the lock, e.g. an expired lease): it resumed the bookmark.
            _ = exception;
            throw new BookmarkNotFoundException(bookmarkId);
        }

        return Result(loaded.Workflow);
    }

    private async Task<WorkflowRunResult> RunStartAsync(WorkflowDefinition definition, string instanceId, string? correlationId,
        IReadOnlyDictionary<string, object?>? input, string? triggerActivityId, string? parentInstanceId, Guid? stamp, CancellationToken cancellationToken)
    {
        var workflow = await runner.RunAsync(definition, new RunOptions
        {
            InstanceId = instanceId,
            CorrelationId = correlationId,
            ParentInstanceId = parentInstanceId,
            Input = input?.ToDictionary(kv => kv.Key, kv => kv.Value),
            TriggerActivityId = triggerActivityId,
        }, cancellationToken);
        await _persister.SaveAsync(new LoadedInstance(workflow, stamp, 0, []), cancellationToken);
        return Result(workflow);
    }

    private async Task<LoadedInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (await instances.LoadAsync(instanceId, cancellationToken) is not { } stored)
        {
            return null;
        }

        var definition = await definitions.FindByVersionIdAsync(stored.State.DefinitionVersionId, cancellationToken)
                         ?? throw new WorkflowDefinitionNotFoundException(stored.State.DefinitionVersionId);
        var workflow = await mapper.RestoreAsync(definition, stored.State, Console.Out, cancellationToken);
        return new LoadedInstance(workflow, stored.ConcurrencyStamp, stored.State.Incidents.Count, BurstPersister.TimerIds(stored.State));
    }

    private WorkflowState PendingStart(WorkflowDefinition definition, StartWorkflowRequest request, string instanceId) =>
        StartMarker(definition, instanceId, request.CorrelationId, request.Input, request.TriggerActivityId, null, clock.GetUtcNow());

    /// <summary>The durable start marker of an instance whose first burst has not run yet (recovery runs it after a crash).</summary>
    internal static WorkflowState StartMarker(WorkflowDefinition definition, string instanceId, string? correlationId,
        IEnumerable<KeyValuePair<string, object?>>? input, string? triggerActivityId, string? parentInstanceId, DateTimeOffset now) => new()
    {
        Id = instanceId,
        DefinitionId = definition.DefinitionId,
        DefinitionVersionId = definition.Id,
        DefinitionVersion = definition.Version,
        CorrelationId = correlationId,
        Status = WorkflowStatus.Running,
        SubStatus = WorkflowSubStatus.Executing,
        TriggerActivityId = triggerActivityId,
        Input = input?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? [],
        Properties = parentInstanceId is null ? [] : new Dictionary<string, object?> { [ParentInstanceIdProperty] = parentInstanceId },
        CreatedAt = now,
        UpdatedAt = now,
    };

    internal static WorkflowRunResult Result(WorkflowExecutionContext workflow) => new(
        workflow.InstanceId, workflow.DefinitionId, workflow.DefinitionVersionId, workflow.Status, workflow.SubStatus,
        [.. workflow.Bookmarks], [.. workflow.Incidents], new Dictionary<string, object?>(workflow.Output));
}

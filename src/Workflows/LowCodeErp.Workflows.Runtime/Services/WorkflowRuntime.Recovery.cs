using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Runtime.Services;

// Crash recovery. Bursts are saved only at their end, so a saved Executing state is either the durable start marker
// (written before the first burst of a pre-chosen instance id) or a state whose burst never got saved. Both are
// continued from what was saved: the marker re-runs the start; any other state returns to Suspended so its bookmarks
// (and their timers) resume it again — the stimulus that was lost with the burst is redelivered by its sender.
public sealed partial class WorkflowRuntime
{
    /// <summary>Recovers one instance if it is still Executing once its lock is held (another node may be running it).</summary>
    internal Task<bool> RecoverAsync(string instanceId, CancellationToken cancellationToken) => ContinueAsync(instanceId, interrupted: true, cancellationToken);

    /// <summary>Runs the first burst of a dispatched start whose marker <see cref="PrepareStartAsync"/> saved; false when
    /// it has run already (recovery or another replica got there first).</summary>
    public Task<bool> RunPendingAsync(string instanceId, CancellationToken cancellationToken = default) =>
        ContinueAsync(instanceId, interrupted: false, cancellationToken);

    /// <summary>Saves the durable start marker of a new instance (see <see cref="Dispatch.IBackgroundWorkflowDispatcher"/>).</summary>
    public async Task<string> PrepareStartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = await definitions.FindAsync(request.DefinitionId, request.Version, cancellationToken)
                         ?? throw new WorkflowDefinitionNotFoundException(request.DefinitionId);
        var instanceId = request.InstanceId ?? InstanceIds.New(clock.GetUtcNow());
        await instances.SaveAsync(PendingStart(definition, request, instanceId), null, cancellationToken);
        return instanceId;
    }

    private Task<bool> ContinueAsync(string instanceId, bool interrupted, CancellationToken cancellationToken) =>
        // The outbox wraps the lock, so events published by a re-run start are dispatched after the lock is released.
        WithOutboxAsync(async () =>
        {
            await using var held = await locks.AcquireAsync(instanceId, cancellationToken);
            if (await instances.LoadAsync(instanceId, cancellationToken) is not { State.SubStatus: WorkflowSubStatus.Executing } stored)
            {
                return false;
            }

            var state = stored.State;
            var stamp = stored.ConcurrencyStamp;
            if (interrupted)
            {
                // Recorded first, so an operator sees that this instance was caught mid-run by a crash.
                state.SubStatus = WorkflowSubStatus.Interrupted;
                stamp = await instances.SaveAsync(state, stamp, cancellationToken);
            }
            var definition = await definitions.FindByVersionIdAsync(state.DefinitionVersionId, cancellationToken)
                             ?? throw new WorkflowDefinitionNotFoundException(state.DefinitionVersionId);
            if (state.NextActivityExecutionId == 0)
            {
                await RunStartAsync(definition, state.Id, state.CorrelationId, state.Input, state.TriggerActivityId,
                    BurstPersister.ParentOf(state.Properties), stamp, cancellationToken);
                return true;
            }

            state.SubStatus = WorkflowSubStatus.Suspended;
            await instances.SaveAsync(state, stamp, cancellationToken);
            return true;
        });

    /// <summary>A definition version by id (for the timer service's re-arming).</summary>
    internal async Task<WorkflowDefinition?> FindVersionAsync(string versionId, CancellationToken cancellationToken) =>
        await definitions.FindByVersionIdAsync(versionId, cancellationToken);
}

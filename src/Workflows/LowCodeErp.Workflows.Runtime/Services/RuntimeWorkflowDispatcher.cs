using System.Runtime.CompilerServices;
using LowCodeErp.Workflows.Core.Activities.Composition;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>
/// DispatchWorkflow in the durable runtime. The child is not run here: its start marker (an Executing state that
/// names its parent) is saved in the parent's burst transaction, and its first burst is queued on the background
/// dispatcher once that transaction has committed (<see cref="BurstPersister"/>). So the child can never finish before
/// the parent's wait bookmark exists, and a crash in between leaves a marker that start-up recovery runs.
/// </summary>
internal sealed class RuntimeWorkflowDispatcher(TimeProvider clock) : IWorkflowDispatcher
{
    // Keyed by the parent's live context: its burst's save drains the list (a weak table, so an abandoned burst leaks nothing).
    private static readonly ConditionalWeakTable<WorkflowExecutionContext, List<WorkflowState>> Pending = new();

    /// <inheritdoc />
    public Task<ExecuteWorkflowResult> DispatchAsync(WorkflowDefinition definition, RunOptions options, WorkflowExecutionContext parent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parent);
        var marker = WorkflowRuntime.StartMarker(definition, options.InstanceId ?? InstanceIds.New(clock.GetUtcNow()), options.CorrelationId,
            options.Input, triggerActivityId: null, parent.InstanceId, clock.GetUtcNow());
        lock (Pending)
        {
            Pending.GetOrCreateValue(parent).Add(marker);
        }

        return Task.FromResult(new ExecuteWorkflowResult(marker.Id, marker.Status, marker.SubStatus, new Dictionary<string, object?>()));
    }

    /// <summary>The start markers the burst of <paramref name="parent"/> dispatched, removed from the pending list.</summary>
    internal static List<WorkflowState> Drain(WorkflowExecutionContext parent)
    {
        lock (Pending)
        {
            if (!Pending.TryGetValue(parent, out var markers))
            {
                return [];
            }

            Pending.Remove(parent);
            return markers;
        }
    }
}

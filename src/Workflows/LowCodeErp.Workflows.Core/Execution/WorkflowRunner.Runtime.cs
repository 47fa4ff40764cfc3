using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Flowcharts;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>A trigger of a definition: the stimulus (name + payload + hash) that starts an instance at an activity.</summary>
/// <param name="ActivityId">The trigger activity.</param>
/// <param name="Name">Stimulus name (the activity type, e.g. <c>Elsa.Event</c>, <c>Elsa.Timer</c>).</param>
/// <param name="Payload">Stimulus payload (e.g. <c>EventPayload</c>, <c>ResumeAtPayload</c>).</param>
/// <param name="Hash">The stimulus hash a matching <see cref="Stimulus"/> computes.</param>
public sealed record WorkflowTrigger(string ActivityId, string Name, object Payload, string Hash);

// Operations the durable runtime needs beyond start/resume/cancel: operator retry of a faulted activity and trigger
// indexing. Kept here because both need the engine's internal execution tree.
public sealed partial class WorkflowRunner
{
    /// <summary>
    /// Re-executes the faulted activity execution <paramref name="activityInstanceId"/> in its parent's context (the
    /// parent schedules it afresh with the same tag and input), reopening the instance if the fault finished it.
    /// </summary>
    public async Task RetryAsync(WorkflowExecutionContext workflow, string activityInstanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var faulted = Find(workflow.RootContext, activityInstanceId)
                      ?? throw new InvalidOperationException($"Activity execution '{activityInstanceId}' is not part of instance '{workflow.InstanceId}'.");
        if (faulted.Status != ActivityStatus.Faulted || faulted.ParentContext is not { Status: ActivityStatus.Running } parent)
        {
            throw new InvalidOperationException($"Activity execution '{activityInstanceId}' is not a faulted activity inside a running parent.");
        }

        // The faulted execution leaves the tree so the parent sees no faulted child; the new one replaces it.
        parent.RemoveChild(faulted);
        workflow.FinishedAt = null;
        workflow.CancellationToken = cancellationToken;
        workflow.Enqueue(new WorkItem(parent, faulted.Activity, faulted.Tag, faulted.ScheduleInput));
        await RunBurstAsync(workflow);
    }

    /// <summary>The triggers of <paramref name="definition"/>: every <see cref="ITrigger"/> with <c>canStartWorkflow</c> set.</summary>
    public async Task<IReadOnlyList<WorkflowTrigger>> GetTriggersAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var graph = WorkflowGraph.For(definition, expressions);
        // A throw-away instance gives the trigger inputs a context to evaluate in; it never runs.
        var workflow = new WorkflowExecutionContext(graph, services, new RunOptions(), _options, clock, TextWriter.Null, cancellationToken);
        var root = new ActivityExecutionContext(workflow, graph.Root, null, null, null);
        workflow.RootContext = root;
        var triggers = new List<WorkflowTrigger>();
        foreach (var activity in graph.ActivitiesById.Values)
        {
            if (activity is not ITrigger trigger || !Flowchart.CanStartWorkflow(activity))
            {
                continue;
            }

            var context = new ActivityExecutionContext(workflow, activity, root, null, null);
            foreach (var payload in await trigger.GetTriggerPayloadsAsync(context))
            {
                triggers.Add(new WorkflowTrigger(activity.Id, activity.Type, payload, BookmarkHasher.Hash(activity.Type, payload)));
            }
        }

        return triggers;
    }

    private static ActivityExecutionContext? Find(ActivityExecutionContext? context, string id)
    {
        if (context is null || context.Id == id)
        {
            return context;
        }

        foreach (var child in context.ChildContexts)
        {
            if (Find(child, id) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}

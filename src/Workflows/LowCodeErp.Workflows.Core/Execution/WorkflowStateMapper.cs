using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Expressions;
using LowCodeErp.Workflows.Core.Model;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>
/// Turns a live instance into a <see cref="WorkflowState"/> between bursts, and a state back into a live instance that
/// <see cref="WorkflowRunner"/> can resume. The definition version is resolved by the caller (instances are pinned to it).
/// </summary>
public sealed class WorkflowStateMapper(IServiceProvider services, ExpressionEngine expressions, IWorkflowDefinitionProvider definitions,
    IOptions<WorkflowEngineOptions> options, TimeProvider clock)
{
    /// <summary>Captures an instance. Only valid between bursts (nothing queued).</summary>
    public static WorkflowState ToState(WorkflowExecutionContext workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        if (workflow.HasQueuedWork)
        {
            throw new InvalidOperationException("An instance can only be captured between bursts.");
        }

        var (nextId, journalSequence, triggerConsumed) = workflow.Counters;
        var state = new WorkflowState
        {
            Id = workflow.InstanceId,
            DefinitionId = workflow.DefinitionId,
            DefinitionVersionId = workflow.DefinitionVersionId,
            DefinitionVersion = workflow.DefinitionVersion,
            CorrelationId = workflow.CorrelationId,
            Name = workflow.Name,
            Status = workflow.Status,
            SubStatus = workflow.SubStatus,
            FlowchartMode = workflow.FlowchartMode,
            TriggerActivityId = workflow.TriggerActivityId,
            TriggerConsumed = triggerConsumed,
            NextActivityExecutionId = nextId,
            JournalSequence = journalSequence,
            Input = new Dictionary<string, object?>(workflow.Input),
            Output = new Dictionary<string, object?>(workflow.Output),
            Properties = new Dictionary<string, object?>(workflow.Properties),
            Bookmarks = [.. workflow.Bookmarks],
            Incidents = [.. workflow.Incidents],
            CompletedOutcomes = [.. workflow.CompletedOutcomes],
            ActivityOutputs = workflow.LastOutputs.ToDictionary(kv => kv.Key, kv => new Dictionary<string, object?>(kv.Value)),
            CreatedAt = workflow.CreatedAt,
            UpdatedAt = workflow.Clock.GetUtcNow(),
            FinishedAt = workflow.FinishedAt,
        };

        if (workflow.RootContext is { Status: ActivityStatus.Running } root)
        {
            Collect(root, state.ActivityExecutions);
        }

        return state;
    }

    /// <summary>Rebuilds a live instance from a state captured for <paramref name="definition"/>.</summary>
    public async Task<WorkflowExecutionContext> RestoreAsync(WorkflowDefinition definition, WorkflowState state, TextWriter? standardOutput = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        var graph = WorkflowGraph.For(definition, expressions);
        var runOptions = new RunOptions
        {
            InstanceId = state.Id,
            CorrelationId = state.CorrelationId,
            Input = state.Input,
            Properties = state.Properties,
            TriggerActivityId = state.TriggerActivityId,
            FlowchartMode = state.FlowchartMode,
        };
        var workflow = new WorkflowExecutionContext(graph, services, runOptions, options.Value, clock, standardOutput ?? TextWriter.Null, cancellationToken)
        {
            Name = state.Name,
            SubStatus = state.SubStatus,
            CreatedAt = state.CreatedAt,
            FinishedAt = state.FinishedAt,
            CompletedOutcomes = state.CompletedOutcomes,
            Counters = (state.NextActivityExecutionId, state.JournalSequence, state.TriggerConsumed),
        };
        foreach (var (key, value) in state.Output)
        {
            workflow.Output[key] = value;
        }

        foreach (var (activityId, outputs) in state.ActivityOutputs)
        {
            workflow.LastOutputs[activityId] = new Dictionary<string, object?>(outputs, StringComparer.OrdinalIgnoreCase);
        }

        workflow.Bookmarks.AddRange(state.Bookmarks);
        workflow.Incidents.AddRange(state.Incidents);
        await RestoreExecutionsAsync(workflow, state, cancellationToken);
        return workflow;
    }

    private async Task RestoreExecutionsAsync(WorkflowExecutionContext workflow, WorkflowState state, CancellationToken cancellationToken)
    {
        var restored = new Dictionary<string, ActivityExecutionContext>(StringComparer.Ordinal);
        foreach (var execution in state.ActivityExecutions)
        {
            var parent = execution.ParentId is null ? null : restored[execution.ParentId];
            var graph = parent?.CompositeGraphOrEnclosing() ?? workflow.Graph;
            var activity = execution.ParentId is null ? workflow.Graph.Root : graph.FindByNodeId(execution.ActivityNodeId)
                ?? throw new InvalidOperationException($"Activity '{execution.ActivityNodeId}' of instance '{state.Id}' is not in definition version '{state.DefinitionVersionId}'.");
            var context = new ActivityExecutionContext(workflow, activity, parent, execution.Tag, execution.ScheduleInput, execution.Id, execution.StartedAt);
            var composite = execution.CompositeDefinitionVersionId is { } versionId
                ? WorkflowGraph.For(await definitions.FindByVersionIdAsync(versionId, cancellationToken)
                    ?? throw new InvalidOperationException($"Definition version '{versionId}' used as an activity is missing."), expressions)
                : null;
            context.RestoreFrom(execution, composite, workflow.Bookmarks.Where(b => execution.BookmarkIds.Contains(b.Id)));
            restored[execution.Id] = context;
            parent?.AddChild(context);
            workflow.RootContext ??= context;
            if (execution.Status == ActivityStatus.Running)
            {
                workflow.LiveContexts[context.Id] = context;
            }
        }
    }

    private static void Collect(ActivityExecutionContext context, List<ActivityExecutionState> states)
    {
        states.Add(context.ToState());
        foreach (var child in context.ChildContexts)
        {
            Collect(child, states);
        }
    }
}

using System.Collections.Concurrent;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Activities.Containers;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Core.Flowcharts;

/// <summary>
/// Activities joined by connections from outcome ports. Two schedulers, as in Elsa: counter-based (the default) and
/// token-based; <see cref="WorkflowExecutionContext.FlowchartMode"/> picks one per instance.
/// </summary>
[Activity("Elsa", "Flowchart", Category = "Workflows", IsBrowsable = false, Description = "A flowchart is a collection of activities and connections between them.")]
public sealed partial class Flowchart : ContainerActivity
{
    private const string BackwardConnectionInput = "BackwardConnection";
    private readonly ConcurrentDictionary<string, FlowGraph> _graphs = new(StringComparer.Ordinal);

    /// <summary>The connections.</summary>
    public List<Connection> Connections { get; set; } = [];

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var start = GetStartActivity(context.Workflow.TriggerActivityId);
        if (start is null)
        {
            await context.CompleteAsync();
            return;
        }

        await context.ScheduleAsync(start);
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(IActivityExecutionContext context, ChildCompletion completion)
    {
        var own = (ActivityExecutionContext)context;
        return own.WorkflowContext.FlowchartMode == FlowchartExecutionMode.TokenBased
            ? OnChildCompletedTokenBasedAsync(own, completion)
            : OnChildCompletedCounterBasedAsync(own, completion);
    }

    /// <inheritdoc />
    public override async ValueTask<bool> OnSignalAsync(IActivityExecutionContext context, object signal, IActivityExecutionContext sender)
    {
        if (signal is not ActivityCanceledSignal || sender.Parent != context)
        {
            return false;
        }

        var own = (ActivityExecutionContext)context;
        if (own.WorkflowContext.FlowchartMode == FlowchartExecutionMode.TokenBased)
        {
            await OnChildCanceledTokenBasedAsync(own, sender.Activity);
        }
        else
        {
            await OnChildCanceledCounterBasedAsync(own, sender.Activity);
        }

        return true;
    }

    /// <summary>The start activity: the trigger, else the first Start, else the first canStartWorkflow activity,
    /// else the first activity without inbound connections, else the first activity.</summary>
    public Activity? GetStartActivity(string? triggerActivityId)
    {
        if (triggerActivityId is not null && Activities.Find(a => a.Id == triggerActivityId) is { } trigger)
        {
            return trigger;
        }

        return Activities.Find(a => a is IStartNode)
               ?? Activities.Find(CanStartWorkflow)
               ?? Activities.Find(a => !Connections.Exists(c => c.Target.ActivityId == a.Id))
               ?? Activities.FirstOrDefault();
    }

    /// <summary>Whether <c>customProperties.canStartWorkflow</c> is true.</summary>
    public static bool CanStartWorkflow(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        foreach (var (key, value) in activity.CustomProperties)
        {
            if (string.Equals(key, "canStartWorkflow", StringComparison.OrdinalIgnoreCase) && value is not null &&
                value.GetValueKind() == System.Text.Json.JsonValueKind.True)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The analysed graph for this instance's start activity.</summary>
    public FlowGraph GetGraph(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The start depends only on the trigger (activities are immutable), so key by it and skip the start search
        // that would otherwise run on every child completion.
        var triggerActivityId = context.Workflow.TriggerActivityId;
        return _graphs.GetOrAdd(triggerActivityId ?? "", id => new FlowGraph(Activities, Connections, GetStartActivity(id.Length == 0 ? null : id)));
    }

    /// <summary>Cancels running executions of activities upstream of <paramref name="activity"/> (WaitAny/Race joins).</summary>
    internal async ValueTask CancelInboundAncestorsAsync(ActivityExecutionContext flowchartContext, Activity activity)
    {
        var ancestors = GetGraph(flowchartContext).Ancestors(activity);
        foreach (var child in flowchartContext.ChildContexts.Where(c => ancestors.Contains(c.Activity)).ToList())
        {
            await child.CancelAsync();
        }
    }

    private static async ValueTask CompleteIfNoPendingWorkAsync(ActivityExecutionContext context)
    {
        if (!context.HasPendingWork() && !context.HasFaultedChildren())
        {
            await context.CompleteAsync();
        }
    }
}

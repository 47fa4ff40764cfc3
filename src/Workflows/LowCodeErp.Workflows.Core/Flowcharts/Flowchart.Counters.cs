using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Activities.Branching;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Core.Flowcharts;

/// <summary>The counter-based scheduler (Elsa's default).</summary>
public sealed partial class Flowchart
{
    private const string ScopeProperty = "FlowScope";

    private async ValueTask OnChildCompletedCounterBasedAsync(ActivityExecutionContext context, ChildCompletion completion)
    {
        var completed = completion.Child.Activity;
        if (completed is ITerminalNode)
        {
            await context.CompleteAsync();
            return;
        }

        var viaBackward = completion.Child.ScheduleInput.TryGetValue(BackwardConnectionInput, out var flag) && flag is true;
        var scheduled = await ScheduleOutboundAsync(context, completed, completion.Outcomes, viaBackward);
        if (!scheduled)
        {
            await CompleteIfNoPendingWorkAsync(context);
        }
    }

    private async ValueTask OnChildCanceledCounterBasedAsync(ActivityExecutionContext context, Activity canceled)
    {
        // A cancelled branch counts as visited but not followed, so joins downstream can still resolve.
        var scheduled = await ScheduleOutboundAsync(context, canceled, Outcomes.None, viaBackward: false);
        if (!scheduled && context.Status == ActivityStatus.Running)
        {
            await CompleteIfNoPendingWorkAsync(context);
        }
    }

    private async ValueTask<bool> ScheduleOutboundAsync(ActivityExecutionContext context, Activity activity, IReadOnlyList<string> outcomes, bool viaBackward)
    {
        var graph = GetGraph(context);
        var scope = context.GetProperty(ScopeProperty, () => new FlowScope());
        if (graph.IsDangling(activity))
        {
            throw new InvalidOperationException($"Activity '{activity.Id}' is not reachable from the start of the flowchart.");
        }

        if (!viaBackward)
        {
            scope.RegisterActivityVisit(activity.Id);
        }

        var scheduled = false;
        foreach (var edge in graph.Outbound(activity))
        {
            var followed = edge.Connection.IsFollowedBy(outcomes);
            scope.RegisterConnectionVisit(edge.Connection, followed);
            if (graph.IsBackward(edge, out var valid))
            {
                if (!followed)
                {
                    continue;
                }

                if (!valid)
                {
                    throw new InvalidOperationException(
                        $"Invalid backward connection: every path from '{edge.Source.Id}' back to the start must pass through '{edge.Target.Id}'.");
                }

                await context.ScheduleAsync(edge.Target, input: new Dictionary<string, object?> { [BackwardConnectionInput] = true });
                scheduled = true;
                continue;
            }

            scheduled |= await MaybeScheduleTargetAsync(context, graph, scope, edge);
        }

        return scheduled;
    }

    private async ValueTask<bool> MaybeScheduleTargetAsync(ActivityExecutionContext context, FlowGraph graph, FlowScope scope, FlowEdge edge)
    {
        var target = edge.Target;
        var inbound = graph.ForwardInbound(target);
        var mode = target is FlowJoin join ? await context.EvaluateAsync(join.Mode) : FlowJoinMode.WaitAllActive;
        switch (mode)
        {
            case FlowJoinMode.WaitAny:
                // Ignore late arrivals, and arrivals while the join is queued or running (its own cancellation of the
                // other inbound branches would otherwise schedule it a second time).
                if (scope.ShouldIgnore(edge) || context.WorkflowContext.IsScheduled(context, target) || IsRunning(context, target))
                {
                    return false;
                }

                if (scope.AnyInboundFollowed(inbound, target.Id))
                {
                    await context.ScheduleAsync(target);
                    await CancelInboundAncestorsAsync(context, target);
                    return true;
                }

                return scope.AllInboundVisited(inbound, target.Id) && await SkipAsync(context, target);

            case FlowJoinMode.WaitAll:
                if (!scope.AllInboundVisited(inbound, target.Id))
                {
                    return false;
                }

                return scope.AllInboundFollowed(inbound, target.Id) ? await ScheduleAsync(context, target) : await SkipAsync(context, target);

            default:
                if (!scope.AllInboundVisited(inbound, target.Id))
                {
                    return false;
                }

                return scope.AnyInboundFollowed(inbound, target.Id) ? await ScheduleAsync(context, target) : await SkipAsync(context, target);
        }
    }

    private static bool IsRunning(ActivityExecutionContext context, Activity target)
    {
        foreach (var child in context.ChildContexts)
        {
            if (child.Activity == target && child.Status == ActivityStatus.Running)
            {
                return true;
            }
        }

        return false;
    }

    private static async ValueTask<bool> ScheduleAsync(ActivityExecutionContext context, Activity target)
    {
        await context.ScheduleAsync(target);
        return true;
    }

    /// <summary>Dead-path elimination: the target does not run, and its outbound connections are visited, not followed.</summary>
    private ValueTask<bool> SkipAsync(ActivityExecutionContext context, Activity target) =>
        ScheduleOutboundAsync(context, target, Outcomes.None, viaBackward: false);
}

using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Activities.Branching;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Core.Flowcharts;

/// <summary>The token-based scheduler (Elsa's opt-in mode) with per-activity merge modes.</summary>
public sealed partial class Flowchart
{
    private const string TokensProperty = "Flowchart.Tokens";

    private async ValueTask OnChildCompletedTokenBasedAsync(ActivityExecutionContext context, ChildCompletion completion)
    {
        var completed = completion.Child.Activity;
        var tokens = context.GetProperty(TokensProperty, () => new List<FlowToken>());
        if (completed is ITerminalNode)
        {
            tokens.Clear();
            await context.CompleteAsync();
            return;
        }

        var graph = GetGraph(context);
        var active = graph.Outbound(completed).Where(e => e.Connection.IsFollowedBy(completion.Outcomes)).Distinct().ToList();
        foreach (var edge in active)
        {
            tokens.Add(new FlowToken { From = edge.Source.Id, To = edge.Target.Id, Outcome = edge.Connection.Source.Port });
        }

        foreach (var token in tokens.Where(t => t.To == completed.Id && !t.Consumed && !t.Blocked))
        {
            token.Consumed = true;
        }

        foreach (var edge in active)
        {
            await ScheduleByMergeModeAsync(context, graph, tokens, edge, completed);
        }

        if (!HasPendingTokenWork(context, tokens))
        {
            tokens.Clear();
            await context.CompleteAsync();
        }

        tokens.RemoveAll(t => t.To == completed.Id && t.Consumed);
    }

    private async ValueTask ScheduleByMergeModeAsync(ActivityExecutionContext context, FlowGraph graph, List<FlowToken> tokens, FlowEdge edge, Activity completed)
    {
        var target = edge.Target;
        var mode = await GetMergeModeAsync(context, target);
        switch (mode)
        {
            case MergeMode.Cascade:
                // Every arriving token runs the target once more.
                await context.ScheduleAsync(target);
                return;

            case MergeMode.Race:
                var blocked = tokens.Find(t => t.To == target.Id && t.From == edge.Source.Id && t.Outcome == edge.Connection.Source.Port && t.Blocked);
                if (blocked is not null)
                {
                    // A late arrival: the race was won already. The block and the late token are both used up, so
                    // they do not keep the flowchart waiting.
                    blocked.Consumed = true;
                    tokens.RemoveAll(t => t.To == target.Id && t.From == edge.Source.Id && t.Outcome == edge.Connection.Source.Port && !t.Blocked && !t.Consumed);
                    return;
                }

                await CancelInboundAncestorsAsync(context, target);
                await context.ScheduleAsync(target);
                foreach (var other in graph.ForwardInbound(target).Where(e => e.Source != completed))
                {
                    tokens.Add(new FlowToken { From = other.Source.Id, To = target.Id, Outcome = other.Connection.Source.Port, Blocked = true });
                }

                return;

            case MergeMode.Merge:
                await ScheduleWhenAllArrivedAsync(context, tokens, target, graph.ForwardInbound(target));
                return;

            case MergeMode.Converge:
                await ScheduleWhenAllArrivedAsync(context, tokens, target, graph.Inbound(target));
                return;

            default:
                // Stream: proceed unless an upstream activity still holds unconsumed tokens.
                var upstreamBusy = graph.ForwardInbound(target).Any(inbound =>
                    tokens.Exists(t => !t.Consumed && !t.Blocked && t.To == inbound.Source.Id));
                if (!upstreamBusy)
                {
                    await context.ScheduleAsync(target);
                }

                return;
        }
    }

    private static async ValueTask ScheduleWhenAllArrivedAsync(ActivityExecutionContext context, List<FlowToken> tokens, Activity target, IReadOnlyList<FlowEdge> inbound)
    {
        var ready = inbound.Count <= 1 || inbound.All(e => tokens.Exists(t =>
            !t.Consumed && !t.Blocked && t.From == e.Source.Id && t.To == target.Id && t.Outcome == e.Connection.Source.Port));
        if (ready)
        {
            await context.ScheduleAsync(target);
        }
    }

    private static async ValueTask OnChildCanceledTokenBasedAsync(ActivityExecutionContext context, Activity canceled)
    {
        var tokens = context.GetProperty(TokensProperty, () => new List<FlowToken>());
        tokens.RemoveAll(t => t.From == canceled.Id || t.To == canceled.Id);
        if (context.Status == ActivityStatus.Running && !HasPendingTokenWork(context, tokens))
        {
            await context.CompleteAsync();
        }
    }

    private static bool HasPendingTokenWork(ActivityExecutionContext context, List<FlowToken> tokens) =>
        context.HasPendingWork() || tokens.Exists(t => !t.Consumed && !t.Blocked) || context.HasFaultedChildren();

    /// <summary>FlowJoin maps WaitAny to Race and the others to Merge; other activities read <c>customProperties.mergeMode</c>.</summary>
    private static async ValueTask<MergeMode> GetMergeModeAsync(ActivityExecutionContext context, Activity target)
    {
        if (target is FlowJoin join)
        {
            return await context.EvaluateAsync(join.Mode) == FlowJoinMode.WaitAny ? MergeMode.Race : MergeMode.Merge;
        }

        foreach (var (key, value) in target.CustomProperties)
        {
            if (string.Equals(key, "mergeMode", StringComparison.OrdinalIgnoreCase) && value is not null &&
                Enum.TryParse<MergeMode>(value.ToString(), ignoreCase: true, out var mode))
            {
                return mode;
            }
        }

        return MergeMode.Stream;
    }
}

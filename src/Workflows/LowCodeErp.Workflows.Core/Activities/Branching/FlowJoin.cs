using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Flowcharts;

namespace LowCodeErp.Workflows.Core.Activities.Branching;

/// <summary>How an explicit join waits for its inbound branches.</summary>
public enum FlowJoinMode
{
    /// <summary>Wait for every inbound branch that was activated.</summary>
    WaitAllActive,
    /// <summary>Wait for every inbound branch; if one was not taken, the join is skipped.</summary>
    WaitAll,
    /// <summary>Continue on the first inbound branch and cancel the others.</summary>
    WaitAny,
}

/// <summary>Merges branches; the flowchart decides when it runs, from its mode.</summary>
[Activity("Elsa", "FlowJoin", Category = "Branching", DisplayName = "Join", Description = "Explicitly merge multiple branches into a single branch of execution.")]
public sealed class FlowJoin : Activity
{
    /// <summary>The join mode.</summary>
    [Input(Description = "WaitAny continues on the first inbound path, WaitAll once all inbound paths executed, WaitAllActive once all activated paths executed.",
        DefaultValue = FlowJoinMode.WaitAny, UIHint = UIHints.Dropdown)]
    public Input<FlowJoinMode> Mode { get; set; } = new(FlowJoinMode.WaitAny);

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        // As in Elsa's counter mode: once the join runs, branches still running towards it are no longer needed.
        if (context.Parent is ActivityExecutionContext { Activity: Flowchart flowchart } parent &&
            parent.WorkflowContext.FlowchartMode == FlowchartExecutionMode.CounterBased)
        {
            await flowchart.CancelInboundAncestorsAsync(parent, this);
        }

        await context.CompleteAsync();
    }
}

using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Branching;

/// <summary>The flowchart "if": completes with True or False.</summary>
[Activity("Elsa", "FlowDecision", Category = "Branching", DisplayName = "Decision", Description = "Evaluate a Boolean condition to determine which path to take.")]
[Outcomes("True", "False")]
public sealed class FlowDecision : Activity
{
    /// <summary>The condition.</summary>
    [Input(Description = "The condition to evaluate.", UIHint = UIHints.SingleLine)]
    public Input<bool>? Condition { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        await context.CompleteAsync(await context.EvaluateAsync(Condition) ? "True" : "False");
}

/// <summary>Splits the flow into parallel branches, one port per branch name.</summary>
[Activity("Elsa", "FlowFork", Category = "Branching", DisplayName = "Fork", Description = "Branch execution into multiple parallel branches.")]
public sealed class FlowFork : Activity
{
    /// <summary>Branch names (each becomes a port).</summary>
    [Input(Description = "The branches to schedule.", UIHint = UIHints.DynamicOutcomes, DefaultValue = new[] { "Done" })]
    public Input<List<string>>? Branches { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var branches = await context.EvaluateAsync(Branches) ?? [Outcomes.Done];
        await context.CompleteWithOutcomesAsync(branches);
    }
}

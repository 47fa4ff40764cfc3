using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Primitives;

/// <summary>Marks where a flowchart starts.</summary>
[Activity("Elsa", "Start", Category = "Primitives", Description = "The start of the flow.")]
public sealed class Start : CodeActivity, IStartNode
{
    /// <inheritdoc />
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ValueTask.CompletedTask;
}

/// <summary>Completes the enclosing flowchart at once.</summary>
[Activity("Elsa", "End", Category = "Primitives", Description = "Completes the enclosing flowchart.")]
public sealed class End : Activity, ITerminalNode
{
    /// <inheritdoc />
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) => context.CompleteAsync();
}

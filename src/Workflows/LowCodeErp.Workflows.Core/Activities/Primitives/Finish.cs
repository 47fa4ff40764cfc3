using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Core.Activities.Primitives;

/// <summary>Finishes the whole instance: pending work and every bookmark are dropped.</summary>
[Activity("Elsa", "Finish", Category = "Primitives", Description = "Finishes the workflow: nothing else runs and all waits are dropped.")]
public sealed class Finish : Activity, ITerminalNode
{
    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var workflow = ((ActivityExecutionContext)context).WorkflowContext;
        await context.CompleteAsync();
        if (workflow.Status == WorkflowStatus.Finished)
        {
            return;
        }

        workflow.ClearQueue();
        workflow.Bookmarks.Clear();
        workflow.SubStatus = WorkflowSubStatus.Finished;
        workflow.FinishedAt = workflow.Clock.GetUtcNow();
    }
}

using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Containers;

/// <summary>Runs its children one after another.</summary>
[Activity("Elsa", "Sequence", Category = "Workflows", Description = "Execute a set of activities in sequence.")]
public sealed class Sequence : ContainerActivity
{
    /// <inheritdoc />
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ScheduleFromAsync(context, 0);

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(IActivityExecutionContext context, ChildCompletion completion)
    {
        // Break ends the sequence; the enclosing loop already knows from the Break signal.
        if (completion.Child.Activity is Break)
        {
            return context.CompleteAsync();
        }

        return ScheduleFromAsync(context, (int)completion.Tag! + 1);
    }

    private ValueTask ScheduleFromAsync(IActivityExecutionContext context, int index) =>
        index < Activities.Count ? context.ScheduleAsync(Activities[index], index) : context.CompleteAsync();
}

using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Containers;

/// <summary>Runs its children one after another.</summary>
[Activity("Elsa", "Sequence", Category = "Workflows", Description = "Execute a set of activities in sequence.")]
public sealed class Sequence : ContainerActivity
{
    private const string BreakingKey = "IsBreaking";

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ScheduleFromAsync(context, 0);

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(IActivityExecutionContext context, ChildCompletion completion)
    {
        // As in Elsa: a Break anywhere below (e.g. inside an If) or a terminal child (End, Break, Finish, Complete) ends the
        // sequence; the enclosing loop learns about a Break from the signal itself.
        if (completion.Child.Activity is ITerminalNode || context.Properties.ContainsKey(BreakingKey))
        {
            return context.CompleteAsync();
        }

        return ScheduleFromAsync(context, ValueConversion.Convert<int>(completion.Tag) + 1);
    }

    /// <inheritdoc />
    public override ValueTask<bool> OnSignalAsync(IActivityExecutionContext context, object signal, IActivityExecutionContext sender)
    {
        if (signal is BreakSignal)
        {
            context.Properties[BreakingKey] = true;
        }

        // Never stop the propagation: the nearest loop must still receive the Break.
        return ValueTask.FromResult(false);
    }

    private ValueTask ScheduleFromAsync(IActivityExecutionContext context, int index) =>
        index < Activities.Count ? context.ScheduleAsync(Activities[index], index) : context.CompleteAsync();
}

using System.Collections;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Containers;

/// <summary>Shared loop mechanics: a body port, a Break flag, and iteration bookkeeping in the execution's properties.</summary>
public abstract class LoopActivity : Activity
{
    private const string BreakKey = "Break";

    /// <summary>The activity run per iteration.</summary>
    [Port]
    public Activity? Body { get; set; }

    /// <inheritdoc />
    public override ValueTask<bool> OnSignalAsync(IActivityExecutionContext context, object signal, IActivityExecutionContext sender)
    {
        if (signal is not BreakSignal)
        {
            return ValueTask.FromResult(false);
        }

        context.Properties[BreakKey] = true;
        return ValueTask.FromResult(true);
    }

    /// <summary>Whether a Break arrived.</summary>
    protected static bool IsBroken(IActivityExecutionContext context) =>
        context.Properties.TryGetValue(BreakKey, out var value) && ValueConversion.Convert<bool>(value);
}

/// <summary>Runs the body once per item.</summary>
[Activity("Elsa", "ForEach", Category = "Looping", DisplayName = "For Each", Description = "Iterate over a set of values.")]
public sealed class ForEach : LoopActivity
{
    /// <summary>The items.</summary>
    [Input(Description = "The set of values to iterate.", UIHint = UIHints.MultiText)]
    public Input<object>? Items { get; set; }

    /// <summary>The current item.</summary>
    [Output(Description = "The current value.")]
    public Output<object> CurrentValue { get; set; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var value = ValueConversion.Unwrap(await context.EvaluateAsync(Items));
        var items = value switch
        {
            null => [],
            string s => [s],
            IEnumerable e and not IDictionary<string, object?> => e.Cast<object?>().ToList(),
            _ => new List<object?> { value },
        };
        context.Properties["Items"] = items;
        await NextAsync(context, 0);
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(IActivityExecutionContext context, ChildCompletion completion) =>
        IsBroken(context) ? context.CompleteAsync() : NextAsync(context, ValueConversion.Convert<int>(completion.Tag) + 1);

    private async ValueTask NextAsync(IActivityExecutionContext context, int index)
    {
        var items = context.GetProperty<List<object?>>("Items", () => []);
        while (index < items.Count)
        {
            context.Set(CurrentValue, items[index]);
            if (Body is not null)
            {
                await context.ScheduleAsync(Body, index, new Dictionary<string, object?> { ["CurrentValue"] = items[index] });
                return;
            }

            index++;
        }

        await context.CompleteAsync();
    }
}

/// <summary>Runs the body for each number from Start to End by Step.</summary>
[Activity("Elsa", "For", Category = "Looping", Description = "Iterate over a sequence of steps between a start and an end number.")]
public sealed class For : LoopActivity
{
    /// <summary>First value.</summary>
    [Input(Description = "The start of the sequence.", DefaultValue = 0)]
    public Input<int> Start { get; set; } = new(0);

    /// <summary>Last value.</summary>
    [Input(Description = "The end of the sequence.", DefaultValue = 0)]
    public Input<int> End { get; set; } = new(0);

    /// <summary>Increment.</summary>
    [Input(Description = "The step size.", DefaultValue = 1)]
    public Input<int> Step { get; set; } = new(1);

    /// <summary>Whether End itself is included.</summary>
    [Input(Description = "Whether the end value is part of the sequence.", DefaultValue = true)]
    public Input<bool> OuterBoundInclusive { get; set; } = new(true);

    /// <summary>The current value.</summary>
    [Output(Description = "The current value.")]
    public Output<int> CurrentValue { get; set; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var step = await context.EvaluateAsync(Step);
        if (step == 0)
        {
            throw new InvalidOperationException("For needs a step other than 0.");
        }

        context.Properties["End"] = await context.EvaluateAsync(End);
        context.Properties["Step"] = step;
        context.Properties["Inclusive"] = await context.EvaluateAsync(OuterBoundInclusive);
        await IterateAsync(context, await context.EvaluateAsync(Start));
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(IActivityExecutionContext context, ChildCompletion completion) =>
        IsBroken(context) ? context.CompleteAsync() : IterateAsync(context, ValueConversion.Convert<int>(completion.Tag) + ValueConversion.Convert<int>(context.Properties["Step"]));

    private async ValueTask IterateAsync(IActivityExecutionContext context, int current)
    {
        var end = ValueConversion.Convert<int>(context.Properties["End"]);
        var step = ValueConversion.Convert<int>(context.Properties["Step"]);
        var inclusive = ValueConversion.Convert<bool>(context.Properties["Inclusive"]);
        while (step > 0 ? (inclusive ? current <= end : current < end) : (inclusive ? current >= end : current > end))
        {
            context.Set(CurrentValue, current);
            if (Body is not null)
            {
                await context.ScheduleAsync(Body, current, new Dictionary<string, object?> { ["CurrentValue"] = current });
                return;
            }

            current += step;
        }

        await context.CompleteAsync();
    }
}

/// <summary>Runs the body while the condition (re-evaluated before every iteration) is true.</summary>
[Activity("Elsa", "While", Category = "Looping", Description = "Execute an activity while a given condition evaluates to true.")]
public sealed class While : LoopActivity
{
    /// <summary>The loop condition.</summary>
    [Input(Description = "The condition to evaluate before each iteration.", AutoEvaluate = false)]
    public Input<bool>? Condition { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) => IterateAsync(context);

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(IActivityExecutionContext context, ChildCompletion completion) =>
        IsBroken(context) ? context.CompleteAsync() : IterateAsync(context);

    private async ValueTask IterateAsync(IActivityExecutionContext context)
    {
        if (Body is not null && await context.EvaluateAsync(Condition))
        {
            await context.ScheduleAsync(Body);
            return;
        }

        await context.CompleteAsync();
    }
}

/// <summary>Leaves the nearest loop.</summary>
[Activity("Elsa", "Break", Category = "Looping", Description = "Break out of the nearest loop.")]
public sealed class Break : Activity, ITerminalNode
{
    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        await context.SendSignalAsync(new BreakSignal());
        await context.CompleteAsync();
    }
}

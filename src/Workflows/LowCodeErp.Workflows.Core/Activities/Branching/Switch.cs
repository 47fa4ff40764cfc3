using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Branching;

/// <summary>One case of a composite switch: label, condition and the embedded activity to run.</summary>
public sealed class SwitchCase
{
    /// <summary>Label.</summary>
    public string Label { get; set; } = "";
    /// <summary>Condition expression.</summary>
    public Expression? Condition { get; set; }
    /// <summary>Activity to run when the case matches.</summary>
    public Activity? Activity { get; set; }
}

/// <summary>Runs the embedded activity of the matching case(s), or Default.</summary>
[Activity("Elsa", "Switch", Category = "Branching", Description = "Evaluate a set of case conditions and schedule the activity for a matching case.")]
public sealed class Switch : Activity
{
    /// <summary>The cases.</summary>
    [Input(Description = "The cases to evaluate.", UIHint = UIHints.SwitchEditor)]
    public List<SwitchCase> Cases { get; set; } = [];

    /// <summary>The mode.</summary>
    [Input(Description = "MatchFirst takes the first matching case; MatchAny every matching case.", DefaultValue = SwitchMode.MatchFirst, UIHint = UIHints.Dropdown)]
    public Input<SwitchMode> Mode { get; set; } = new(SwitchMode.MatchFirst);

    /// <summary>Runs when no case matches.</summary>
    [Port]
    public Activity? Default { get; set; }

    /// <inheritdoc />
    public override IEnumerable<Activity> GetChildren() =>
        Cases.Where(c => c.Activity is not null).Select(c => c.Activity!).Concat(Default is null ? [] : [Default]);

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var mode = await context.EvaluateAsync(Mode);
        var scheduled = 0;
        var matched = false;
        foreach (var @case in Cases)
        {
            if (@case.Condition is null || !ValueConversion.Convert<bool>(await context.EvaluateAsync(@case.Condition, typeof(bool))))
            {
                continue;
            }

            // As in Elsa, Default is only for "no case matched"; a matching case without an activity just completes the switch.
            matched = true;
            if (@case.Activity is not null)
            {
                await context.ScheduleAsync(@case.Activity);
                scheduled++;
            }

            if (mode == SwitchMode.MatchFirst)
            {
                break;
            }
        }

        if (!matched && Default is not null)
        {
            await context.ScheduleAsync(Default);
            scheduled++;
        }

        if (scheduled == 0)
        {
            await context.CompleteAsync();
        }
    }

    /// <inheritdoc />
    public override async ValueTask OnChildCompletedAsync(IActivityExecutionContext context, ChildCompletion completion)
    {
        if (!((Execution.ActivityExecutionContext)context).HasPendingWork())
        {
            await context.CompleteAsync();
        }
    }
}

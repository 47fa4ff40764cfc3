using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Branching;

/// <summary>Whether a switch takes the first matching case or every matching case.</summary>
public enum SwitchMode
{
    /// <summary>The first case whose condition is true.</summary>
    MatchFirst,
    /// <summary>Every case whose condition is true.</summary>
    MatchAny,
}

/// <summary>One case of a flow switch: a label (the port) and a condition.</summary>
public sealed class FlowSwitchCase
{
    /// <summary>Port name.</summary>
    public string Label { get; set; } = "";
    /// <summary>Condition expression.</summary>
    public Expression? Condition { get; set; }
}

/// <summary>Takes the port of the matching case(s), or Default.</summary>
[Activity("Elsa", "FlowSwitch", Category = "Branching", DisplayName = "Switch (flow)", Description = "Evaluate a set of case conditions and schedule the activity for a matching case.")]
public sealed class FlowSwitch : Activity
{
    /// <summary>The cases.</summary>
    [Input(Description = "The cases to evaluate.", UIHint = UIHints.FlowSwitchEditor)]
    public List<FlowSwitchCase> Cases { get; set; } = [];

    /// <summary>The switch mode.</summary>
    [Input(Description = "MatchFirst takes the first matching case; MatchAny every matching case.", DefaultValue = SwitchMode.MatchFirst, UIHint = UIHints.Dropdown)]
    public Input<SwitchMode> Mode { get; set; } = new(SwitchMode.MatchFirst);

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var mode = await context.EvaluateAsync(Mode);
        var matches = new List<string>();
        foreach (var @case in Cases)
        {
            if (@case.Condition is null || !ValueConversion.Convert<bool>(await context.EvaluateAsync(@case.Condition, typeof(bool))))
            {
                continue;
            }

            matches.Add(@case.Label);
            if (mode == SwitchMode.MatchFirst)
            {
                break;
            }
        }

        await context.CompleteWithOutcomesAsync(matches.Count > 0 ? matches : ["Default"]);
    }
}

using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Branching;

/// <summary>Runs Then or Else (embedded children) depending on a condition.</summary>
[Activity("Elsa", "If", Category = "Branching", Description = "Evaluate a Boolean condition to determine which activity to execute next.")]
public sealed class If : Activity
{
    /// <summary>The condition.</summary>
    [Input(Description = "The condition to evaluate.")]
    public Input<bool>? Condition { get; set; }

    /// <summary>Runs when the condition is true.</summary>
    [Port]
    public Activity? Then { get; set; }

    /// <summary>Runs when the condition is false.</summary>
    [Port]
    public Activity? Else { get; set; }

    /// <summary>The evaluated condition.</summary>
    [Output(Description = "The result of the condition.")]
    public Output<bool> Result { get; set; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var condition = await context.EvaluateAsync(Condition);
        context.Set(Result, condition);
        var next = condition ? Then : Else;
        if (next is null)
        {
            await context.CompleteAsync();
            return;
        }

        await context.ScheduleAsync(next);
    }
}

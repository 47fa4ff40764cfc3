using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Core.Activities.Primitives;

/// <summary>Faults on purpose, recording an incident with the given message.</summary>
[Activity("Elsa", "Fault", Category = "Primitives", Description = "Fault the workflow with a message.")]
public sealed class Fault : Activity, ITerminalNode
{
    /// <summary>Fault code.</summary>
    [Input(Description = "A code for the fault.")]
    public Input<string>? Code { get; set; }

    /// <summary>Fault category.</summary>
    [Input(Description = "A category for the fault.")]
    public Input<string>? Category { get; set; }

    /// <summary>Fault type.</summary>
    [Input(Description = "A type for the fault.")]
    public Input<string>? FaultType { get; set; }

    /// <summary>Message.</summary>
    [Input(Description = "The message of the fault.")]
    public Input<string>? Message { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var message = await context.EvaluateAsync(Message);
        throw new ActivityFaultException(string.IsNullOrEmpty(message) ? "Fault" : message,
            await context.EvaluateAsync(Code), await context.EvaluateAsync(Category));
    }
}

/// <summary>Completes the enclosing composite (a workflow used as an activity, or the workflow) with outcomes.</summary>
[Activity("Elsa", "Complete", Category = "Primitives", Description = "Complete the workflow (or the workflow activity that contains it) with outcomes.")]
public sealed class Complete : Activity, ITerminalNode
{
    /// <summary>A string or a list of strings.</summary>
    [Input(Description = "The outcome or outcomes to complete with.", UIHint = UIHints.OutcomePicker, DefaultSyntax = "Object")]
    public Input<object>? Outcomes { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var value = ValueConversion.Unwrap(await context.EvaluateAsync(Outcomes));
        IReadOnlyList<string> outcomes = value switch
        {
            null => Abstractions.Outcomes.Default,
            string s => [s],
            IEnumerable<object?> items => [.. items.Select(x => x?.ToString() ?? "")],
            _ => [value.ToString() ?? ""],
        };
        await context.SendSignalAsync(new CompleteCompositeSignal(outcomes));
        await context.CompleteWithOutcomesAsync(outcomes);
    }
}

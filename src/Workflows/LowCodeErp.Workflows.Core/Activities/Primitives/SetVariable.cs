using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Primitives;

/// <summary>Assigns a value to a variable (referenced by id, as Studio writes it).</summary>
[Activity("Elsa", "SetVariable", Category = "Primitives", DisplayName = "Set Variable", Description = "Assign a value to a workflow variable.")]
public sealed class SetVariable : CodeActivity
{
    /// <summary>The variable to set.</summary>
    [Input(Description = "The variable to assign the value to.", UIHint = UIHints.VariablePicker, IsRequired = true)]
    public VariableDefinition? Variable { get; set; }

    /// <summary>The value to assign.</summary>
    [Input(Description = "The value to assign.")]
    public Input<object>? Value { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var variable = Variable ?? throw new InvalidOperationException("SetVariable has no variable.");
        var value = await context.EvaluateAsync(Value);
        var key = string.IsNullOrEmpty(variable.Id) ? variable.Name : variable.Id;
        if (context.GetVariable(key) is null && !string.IsNullOrEmpty(variable.Name) && context.GetVariable(variable.Name) is not null)
        {
            key = variable.Name;
        }

        context.SetVariable(key, value);
    }
}

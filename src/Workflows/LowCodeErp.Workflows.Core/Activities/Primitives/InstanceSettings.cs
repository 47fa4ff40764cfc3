using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Primitives;

/// <summary>Sets the instance name.</summary>
[Activity("Elsa", "SetName", Category = "Primitives", DisplayName = "Set Name", Description = "Set the name of the workflow instance.")]
public sealed class SetName : CodeActivity
{
    /// <summary>The new name.</summary>
    [Input(Description = "The name to give the instance.")]
    public Input<string>? Value { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        context.Workflow.Name = await context.EvaluateAsync(Value);
}

/// <summary>Sets the correlation id (business key) of the instance.</summary>
[Activity("Elsa", "Correlate", Category = "Primitives", Description = "Set the correlation id of the workflow instance.")]
public sealed class Correlate : CodeActivity
{
    /// <summary>The correlation id.</summary>
    [Input(Description = "The correlation id to set.")]
    public Input<string>? CorrelationId { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        context.Workflow.CorrelationId = await context.EvaluateAsync(CorrelationId);
}

/// <summary>Sets an output of the enclosing workflow (or of the workflow used as an activity).</summary>
[Activity("Elsa", "SetOutput", Category = "Primitives", DisplayName = "Set Output", Description = "Set a workflow output.")]
public sealed class SetOutput : CodeActivity
{
    /// <summary>The output name.</summary>
    [Input(Description = "The name of the workflow output.", IsRequired = true)]
    public Input<string>? OutputName { get; set; }

    /// <summary>The value.</summary>
    [Input(Description = "The value to set.")]
    public Input<object>? OutputValue { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var name = await context.EvaluateAsync(OutputName) ?? throw new InvalidOperationException("SetOutput needs an output name.");
        var value = await context.EvaluateAsync(OutputValue);
        var scope = ((Execution.ActivityExecutionContext)context).FindOutputScope() ?? context.Workflow.Output;
        scope[name] = value;
    }
}

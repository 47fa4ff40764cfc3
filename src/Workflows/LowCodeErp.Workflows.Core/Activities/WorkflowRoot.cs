using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Core.Activities;

/// <summary>
/// The implicit <c>Elsa.Workflow</c> around a definition's root: it owns the workflow variables, inputs and outputs,
/// and completing it finishes the instance.
/// </summary>
[Activity("Elsa", "Workflow", Category = "Internal", IsBrowsable = false)]
public sealed class WorkflowRoot : Activity, IVariableContainer
{
    /// <summary>Only for the descriptor registry.</summary>
    public WorkflowRoot()
    {
        Definition = new WorkflowDefinition();
        Id = ActivityNodeIds.WorkflowRoot;
    }

    /// <summary>Wraps a definition.</summary>
    public WorkflowRoot(WorkflowDefinition definition)
    {
        Definition = definition;
        Id = ActivityNodeIds.WorkflowRoot;
    }

    /// <summary>The wrapped definition.</summary>
    public WorkflowDefinition Definition { get; }

    /// <inheritdoc />
    public IReadOnlyList<VariableDefinition> Variables => Definition.Variables;

    /// <inheritdoc />
    public override IEnumerable<Activity> GetChildren() => Definition.Root is null ? [] : [Definition.Root];

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var own = (ActivityExecutionContext)context;
        own.InputScope = own.WorkflowContext.Input;
        own.OutputScope = own.WorkflowContext.Output;
        if (Definition.Root is null)
        {
            await context.CompleteAsync();
            return;
        }

        await context.ScheduleAsync(Definition.Root);
    }

    /// <inheritdoc />
    public override async ValueTask<bool> OnSignalAsync(IActivityExecutionContext context, object signal, IActivityExecutionContext sender)
    {
        if (signal is not CompleteCompositeSignal complete)
        {
            return false;
        }

        await context.CompleteWithOutcomesAsync(complete.Outcomes);
        return true;
    }
}

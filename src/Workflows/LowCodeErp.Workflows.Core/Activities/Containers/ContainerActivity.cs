using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Core.Activities.Containers;

/// <summary>An activity holding a list of children and the variables they share (Sequence, Flowchart).</summary>
public abstract class ContainerActivity : Activity, IVariableContainer
{
    /// <summary>The child activities.</summary>
    public List<Activity> Activities { get; set; } = [];

    /// <summary>Variables scoped to this container.</summary>
    public List<VariableDefinition> Variables { get; set; } = [];

    IReadOnlyList<VariableDefinition> IVariableContainer.Variables => Variables;

    /// <inheritdoc />
    public override IEnumerable<Activity> GetChildren() => Activities;
}

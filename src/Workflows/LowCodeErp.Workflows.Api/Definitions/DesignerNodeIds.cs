using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Api.Definitions;

/// <summary>
/// Studio's designer indexes activities by <c>nodeId</c> (a missing one crashes it with "ArgumentNullException: key"),
/// and a definition only gets node ids once it has run. This fills the missing ones with the ids execution assigns:
/// <c>Workflow1:{root}:{child}…</c> (the implicit workflow activity is <c>Workflow1</c>).
/// </summary>
public static class DesignerNodeIds
{
    private const string WorkflowNodeId = "Workflow1";

    /// <summary>Assigns <c>nodeId</c> to every activity of <paramref name="definition"/> that has none.</summary>
    public static void Ensure(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Root is { } root)
        {
            Assign(root, WorkflowNodeId);
        }
    }

    private static void Assign(Activity activity, string parentNodeId)
    {
        activity.NodeId ??= $"{parentNodeId}:{activity.Id}";
        foreach (var child in activity.GetChildren())
        {
            Assign(child, activity.NodeId);
        }
    }
}

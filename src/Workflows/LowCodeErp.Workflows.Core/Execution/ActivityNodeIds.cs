using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>
/// The node-id scheme execution, journals and Studio's designer share: the implicit workflow activity is
/// <c>Workflow1</c> and every other activity is <c>{parent node id}:{activity id}</c>. Kept in one place because
/// stored journals and bookmarks refer to these ids, so two spellings of the scheme would strand them.
/// </summary>
public static class ActivityNodeIds
{
    /// <summary>The node id (and activity id) of the implicit workflow activity around a definition's root.</summary>
    public const string WorkflowRoot = "Workflow1";

    /// <summary>The node id of a child activity under <paramref name="parentNodeId"/>.</summary>
    public static string Child(string parentNodeId, string activityId) => $"{parentNodeId}:{activityId}";

    /// <summary>
    /// Gives every activity of <paramref name="definition"/> that has no node id the one execution will assign.
    /// Studio's designer indexes activities by node id and fails on a missing one, while a definition only gets
    /// node ids once it has been prepared for execution.
    /// </summary>
    public static void AssignMissing(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Root is { } root)
        {
            AssignMissing(root, WorkflowRoot);
        }
    }

    private static void AssignMissing(Activity activity, string parentNodeId)
    {
        activity.NodeId ??= Child(parentNodeId, activity.Id);
        foreach (var child in activity.GetChildren())
        {
            AssignMissing(child, activity.NodeId);
        }
    }
}

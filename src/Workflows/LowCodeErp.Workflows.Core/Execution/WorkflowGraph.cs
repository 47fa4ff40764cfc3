using System.Runtime.CompilerServices;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Activities;
using LowCodeErp.Workflows.Core.Expressions;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>
/// A definition prepared for execution: the root wrapped in the implicit workflow activity, node ids assigned, and
/// activities indexed by id and name. Built once per definition object and shared by every instance.
/// </summary>
public sealed class WorkflowGraph
{
    private static readonly ConditionalWeakTable<WorkflowDefinition, WorkflowGraph> Cache = new();

    private WorkflowGraph(WorkflowDefinition definition, ExpressionEngine expressions)
    {
        Definition = definition;
        Expressions = expressions;
        Root = new WorkflowRoot(definition);
        Index(Root, parentNodeId: null);
    }

    /// <summary>The definition.</summary>
    public WorkflowDefinition Definition { get; }
    /// <summary>The implicit workflow activity around the definition's root.</summary>
    public WorkflowRoot Root { get; }
    /// <summary>Activities by id.</summary>
    public Dictionary<string, Activity> ActivitiesById { get; } = new(StringComparer.Ordinal);
    /// <summary>Activities by node id (the root wrapper included).</summary>
    public Dictionary<string, Activity> ActivitiesByNodeId { get; } = new(StringComparer.Ordinal);

    /// <summary>The activity with a node id, if any.</summary>
    public Activity? FindByNodeId(string nodeId) => ActivitiesByNodeId.GetValueOrDefault(nodeId);

    /// <summary>Activities by name (names are optional; the first wins).</summary>
    public Dictionary<string, Activity> ActivitiesByName { get; } = new(StringComparer.Ordinal);
    internal ExpressionEngine Expressions { get; }

    /// <summary>The prepared graph of a definition (cached per definition object).</summary>
    public static WorkflowGraph For(WorkflowDefinition definition, ExpressionEngine expressions) =>
        Cache.GetValue(definition, d => new WorkflowGraph(d, expressions));

    private void Index(Activity activity, string? parentNodeId)
    {
        var id = string.IsNullOrEmpty(activity.Id) ? ActivityNodeIds.WorkflowRoot : activity.Id;
        activity.NodeId = parentNodeId is null ? id : ActivityNodeIds.Child(parentNodeId, id);
        ActivitiesByNodeId.TryAdd(activity.NodeId, activity);
        if (activity is not WorkflowRoot)
        {
            ActivitiesById.TryAdd(activity.Id, activity);
            if (!string.IsNullOrEmpty(activity.Name))
            {
                ActivitiesByName.TryAdd(activity.Name, activity);
            }
        }

        foreach (var child in activity.GetChildren())
        {
            Index(child, activity.NodeId);
        }
    }
}

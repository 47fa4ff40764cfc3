using System.Text.Json.Nodes;
using LowCodeErp.HumanTasks.Api;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Web.Diagrams;

/// <summary>
/// The task page's diagram: the definition version the task's instance runs, read from the definition store and
/// written in the Elsa format (the same JSON Studio's designer saves), with the task's activity highlighted.
/// </summary>
public sealed class TaskFlowDiagrams(IWorkflowDefinitionStore definitions)
{
    /// <summary>The diagram; null when the version is gone or its root is no flowchart (the page keeps Studio's link).</summary>
    public async Task<FlowDiagram?> ForAsync(TaskDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var definition = await definitions.FindAsync(details.Task.DefinitionId, VersionOptions.SpecificVersion(details.DefinitionVersion), cancellationToken);
        return definition is null ? null : FlowDiagram.FromDefinition(JsonNode.Parse(WorkflowSerializer.Write(definition, indented: false)), details.ActivityId);
    }
}

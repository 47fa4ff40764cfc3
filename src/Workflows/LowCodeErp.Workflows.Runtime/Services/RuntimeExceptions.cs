namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>No definition (version) matches: the API answers 404.</summary>
public sealed class WorkflowDefinitionNotFoundException(string definitionId)
    : Exception($"Workflow definition '{definitionId}' was not found.")
{
    /// <summary>The definition id or version id asked for.</summary>
    public string DefinitionId { get; } = definitionId;
}

/// <summary>No instance with this id: the API answers 404.</summary>
public sealed class WorkflowInstanceNotFoundException(string instanceId)
    : Exception($"Workflow instance '{instanceId}' was not found.")
{
    /// <summary>The instance id.</summary>
    public string InstanceId { get; } = instanceId;
}

namespace LowCodeErp.Workflows.Core.Serialization;

/// <summary>A problem in a definition, located by JSON path (and activity id when it concerns one).</summary>
public sealed record DefinitionError(string JsonPath, string Message, string? ActivityId = null)
{
    /// <summary><c>json-path: message (activity id)</c>.</summary>
    public override string ToString() => ActivityId is null ? $"{JsonPath}: {Message}" : $"{JsonPath}: {Message} (activity {ActivityId})";
}

/// <summary>The outcome of reading a definition: the model (when the JSON could be read at all) and the problems found.</summary>
public sealed record DefinitionReadResult(Model.WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors)
{
    /// <summary>Whether reading found no problem.</summary>
    public bool IsValid => Definition is not null && Errors.Count == 0;
}

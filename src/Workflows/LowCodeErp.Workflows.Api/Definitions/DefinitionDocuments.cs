using System.Text.Json;
using System.Text.Json.Nodes;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Core.Validation;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Workflows.Api.Definitions;

/// <summary>
/// A definition read from a request and its problems keyed by JSON path. <see cref="Model"/> is set whenever the
/// document could be read at all (drafts may be incomplete); <see cref="Definition"/> only when it is also valid.
/// </summary>
public sealed record ReadDefinition(WorkflowDefinition? Model, Dictionary<string, string[]> Errors)
{
    /// <summary>The definition when it has no problem at all.</summary>
    public WorkflowDefinition? Definition => Errors.Count == 0 ? Model : null;
}

/// <summary>Turns request bodies into validated definitions and stored definitions into Studio's JSON shapes.</summary>
public sealed class DefinitionDocuments(WorkflowSerializer serializer, WorkflowValidator validator)
{
    // API-only fields Studio echoes back; they are not part of the stored document.
    private static readonly string[] ResponseOnlyFields = ["links", "materializerName", "isMaterializerAvailable", "providerName"];

    /// <summary>Reads and validates a model; <paramref name="pathPrefix"/> is where the model sits in the body (<c>$.model</c> or <c>$</c>).</summary>
    public ReadDefinition Read(JsonElement? model, string pathPrefix)
    {
        if (model is not { ValueKind: JsonValueKind.Object } element)
        {
            return new ReadDefinition(null, new() { [pathPrefix] = ["a workflow definition object is required"] });
        }

        var json = JsonNode.Parse(element.GetRawText())!.AsObject();
        foreach (var field in ResponseOnlyFields)
        {
            json.Remove(field);
        }

        if (string.IsNullOrWhiteSpace((string?)json["definitionId"]))
        {
            // Studio creates new workflows with definitionId null: the server names them.
            json["definitionId"] = Guid.NewGuid().ToString("N")[..16];
        }

        if (string.IsNullOrWhiteSpace((string?)json["id"]))
        {
            json.Remove("id");
        }

        var read = serializer.Read(JsonSerializer.SerializeToElement(json));
        var errors = read.Definition is null ? read.Errors : validator.Validate(read.Definition, read.Errors);
        var byPath = errors.GroupBy(e => pathPrefix + e.JsonPath.TrimStart('$'))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray());
        return new ReadDefinition(read.Definition, byPath);
    }

    /// <summary>The definition as Studio reads it: the document plus <c>materializerName</c> and <c>links</c>.</summary>
    public static JsonObject ToModel(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ActivityNodeIds.AssignMissing(definition);
        var json = WorkflowSerializer.ToJson(definition);
        json.Remove("$schema");
        json["materializerName"] = "Json";
        json["links"] = JsonSerializer.SerializeToNode(DefinitionLinks.ForDefinition(definition.DefinitionId), ApiJson.Options);
        return json;
    }

    /// <summary>The export file: <c>$schema</c> first, then the document.</summary>
    public static byte[] ToExportFile(WorkflowDefinition definition)
    {
        var file = new JsonObject { ["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json" };
        foreach (var (name, value) in WorkflowSerializer.ToJson(definition).ToList())
        {
            if (name != "$schema")
            {
                file[name] = value?.DeepClone();
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(file, SerializerOptions.Indented);
    }

    /// <summary>A list row.</summary>
    public static WorkflowDefinitionSummary ToSummary(DefinitionVersionInfo info) => new(
        info.Id, info.DefinitionId, info.Name, null, info.Version, null, info.IsLatest, info.IsPublished, "Default", "Json",
        info.CreatedAt, false, true, DefinitionLinks.ForDefinition(info.DefinitionId));

    /// <summary>A list row of a loaded definition version.</summary>
    public static WorkflowDefinitionSummary ToSummary(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new(definition.Id, definition.DefinitionId, definition.Name, definition.Description, definition.Version, definition.ToolVersion,
            definition.IsLatest, definition.IsPublished, "Default", "Json", definition.CreatedAt, definition.IsReadonly, true,
            DefinitionLinks.ForDefinition(definition.DefinitionId));
    }

    /// <summary>Elsa's version option names, plus <c>AllVersions</c>; <paramref name="fallback"/> when absent.</summary>
    public static VersionOptions ParseVersion(string? text, VersionOptions fallback) => text switch
    {
        null or "" => fallback,
        _ when text.Equals("AllVersions", StringComparison.OrdinalIgnoreCase) => new VersionOptions("AllVersions"),
        _ when text.Equals("LatestAndPublished", StringComparison.OrdinalIgnoreCase) => new VersionOptions("LatestAndPublished"),
        _ => VersionOptions.Parse(text),
    };
}

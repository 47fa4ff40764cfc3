using System.Text.Json;
using System.Text.Json.Nodes;

namespace LowCodeErp.Workflows.Api.Models;

/// <summary>One row of the definition list (Elsa's <c>LinkedWorkflowDefinitionSummary</c>).</summary>
public sealed record WorkflowDefinitionSummary(
    string Id, string DefinitionId, string? Name, string? Description, int Version, string? ToolVersion, bool IsLatest,
    bool IsPublished, string ProviderName, string MaterializerName, DateTimeOffset CreatedAt, bool IsReadonly,
    bool IsMaterializerAvailable, IReadOnlyList<Link> Links);

/// <summary>Query of <c>GET /workflow-definitions</c> (Studio sends PascalCase keys; query keys are case-insensitive).</summary>
public sealed record ListDefinitionsQuery(
    string? VersionOptions, string[]? DefinitionIds, string? SearchTerm, int? Page, int? PageSize, string? OrderBy, string? OrderDirection);

/// <summary>Body of <c>POST /workflow-definitions</c> as Studio sends it.</summary>
public sealed record SaveWorkflowDefinitionRequest(JsonElement? Model, bool? Publish);

/// <summary>Save and publish response; Studio goes blank when it gets a bare definition instead.</summary>
public sealed record SaveWorkflowDefinitionResponse(
    JsonObject WorkflowDefinition, bool AlreadyPublished, int ConsumingWorkflowCount, IReadOnlyList<string> ValidationErrors);

/// <summary>Body of <c>POST /bulk-actions/publish/workflow-definitions/by-definition-ids</c>.</summary>
public sealed record BulkPublishRequest(string[]? DefinitionIds);

/// <summary>Bulk publish outcome per definition id.</summary>
public sealed record BulkPublishResponse(
    IReadOnlyList<string> Published, IReadOnlyList<string> AlreadyPublished, IReadOnlyList<string> NotFound,
    IReadOnlyList<string> Skipped, IReadOnlyList<string> UpdatedConsumers, IReadOnlyList<string> Failed,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Warnings);

/// <summary><c>{"isUnique": true}</c>.</summary>
public sealed record IsNameUniqueResponse(bool IsUnique);

/// <summary><c>{"count": n}</c>.</summary>
public sealed record CountResponse(int Count);

/// <summary>Body (or query) of <c>/workflow-definitions/{definitionId}/execute</c>.</summary>
public sealed record ExecuteWorkflowRequest(
    string? CorrelationId, string? Name, string? TriggerActivityId, string? VersionOptions, Dictionary<string, JsonElement>? Input);

/// <summary>Body of the bulk retract / delete-by-definition-id actions: <c>{"definitionIds": […]}</c>.</summary>
public sealed record BulkDefinitionIdsRequest(string[]? DefinitionIds);

/// <summary>Body of bulk delete by version id: <c>{"ids": […]}</c>.</summary>
public sealed record BulkVersionIdsRequest(string[]? Ids);

/// <summary><c>{"retracted", "alreadyRetracted", "notFound", "skipped"}</c>.</summary>
public sealed record BulkRetractResponse(
    IReadOnlyList<string> Retracted, IReadOnlyList<string> AlreadyRetracted, IReadOnlyList<string> NotFound, IReadOnlyList<string> Skipped);

/// <summary><c>{"deleted": n}</c> of the definition bulk deletes.</summary>
public sealed record BulkDeleteDefinitionsResponse(int Deleted);

/// <summary>Body of <c>POST /workflow-definitions/{definitionId}/dispatch</c>.</summary>
public sealed record DispatchWorkflowRequest(
    string? InstanceId, string? CorrelationId, string? TriggerActivityId, string? VersionOptions,
    Dictionary<string, System.Text.Json.JsonElement>? Input, string? Channel);

/// <summary><c>{"workflowInstanceId": "…"}</c>.</summary>
public sealed record DispatchWorkflowResponse(string WorkflowInstanceId);

/// <summary>Body of <c>POST /bulk-actions/export/workflow-definitions</c>: version ids.</summary>
public sealed record BulkExportDefinitionsRequest(string[]? Ids, bool? IncludeConsumingWorkflows);

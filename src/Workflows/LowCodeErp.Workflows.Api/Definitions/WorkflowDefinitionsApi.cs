using System.Text.Json.Nodes;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Definitions;

/// <summary>Reading definitions: list (paged, 0-based), by definition id, by version id, versions, counts.</summary>
public static class WorkflowDefinitionsApi
{
    /// <summary>Maps the read routes.</summary>
    public static RouteGroupBuilder MapWorkflowDefinitionsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/workflow-definitions").WithTags("Workflow definitions");
        group.MapGet("/", ListAsync).WithName("ListWorkflowDefinitions").WithSummary("Lists definition versions (paged, page is 0-based).").RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/by-definition-id/{definitionId}", GetByDefinitionIdAsync).WithName("GetWorkflowDefinition").WithSummary("Gets a definition by its definition id and version options.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/by-id/{id}", GetByIdAsync).WithName("GetWorkflowDefinitionVersion").WithSummary("Gets a definition version by its version id.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/many-by-id", GetManyByIdAsync).WithName("GetWorkflowDefinitionVersions").WithSummary("Gets several definition versions by version id.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/{definitionId}/versions", ListVersionsAsync).WithName("ListWorkflowDefinitionVersions").WithSummary("Lists every version of a definition, newest first.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/validation/is-name-unique", IsNameUniqueAsync).WithName("IsWorkflowDefinitionNameUnique").WithSummary("Whether no other definition has this name.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/query/count", CountAsync).WithName("CountWorkflowDefinitions").WithSummary("Counts definitions (latest versions).").RequirePermission(ErpPermissions.WorkflowsRead);
        return api;
    }

    private static async Task<Ok<PagedListResponse<WorkflowDefinitionSummary>>> ListAsync(
        [AsParameters] ListDefinitionsQuery query, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        IEnumerable<DefinitionVersionInfo> rows = await store.ListAsync(DefinitionDocuments.ParseVersion(query.VersionOptions, VersionOptions.Latest), cancellationToken: cancellationToken);
        if (query.DefinitionIds is { Length: > 0 } ids)
        {
            rows = rows.Where(r => ids.Contains(r.DefinitionId, StringComparer.Ordinal));
        }

        if (!string.IsNullOrWhiteSpace(query.SearchTerm))
        {
            rows = rows.Where(r => (r.Name ?? "").Contains(query.SearchTerm, StringComparison.OrdinalIgnoreCase)
                || r.DefinitionId.Contains(query.SearchTerm, StringComparison.OrdinalIgnoreCase));
        }

        var descending = string.Equals(query.OrderDirection, "Descending", StringComparison.OrdinalIgnoreCase);
        Func<DefinitionVersionInfo, object> key = query.OrderBy?.ToUpperInvariant() switch
        {
            "VERSION" => r => r.Version,
            "CREATED" => r => r.CreatedAt,
            _ => r => r.Name ?? r.DefinitionId,
        };
        var ordered = (descending ? rows.OrderByDescending(key) : rows.OrderBy(key)).ThenBy(r => r.DefinitionId, StringComparer.Ordinal).ToList();
        var page = query.PageSize is > 0 and var size
            ? ordered.Skip(Math.Max(query.Page ?? 0, 0) * size).Take(size)
            : ordered;
        return TypedResults.Ok(new PagedListResponse<WorkflowDefinitionSummary>(
            [.. page.Select(DefinitionDocuments.ToSummary)], ordered.Count, DefinitionLinks.ForList()));
    }

    private static async Task<Results<Ok<JsonObject>, NotFound>> GetByDefinitionIdAsync(
        string definitionId, string? versionOptions, IWorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(definitionId, DefinitionDocuments.ParseVersion(versionOptions, VersionOptions.Latest), cancellationToken) is { } definition
            ? TypedResults.Ok(DefinitionDocuments.ToModel(definition))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<JsonObject>, NotFound>> GetByIdAsync(string id, IWorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        await store.FindByVersionIdAsync(id, cancellationToken) is { } definition
            ? TypedResults.Ok(DefinitionDocuments.ToModel(definition))
            : TypedResults.NotFound();

    private static async Task<Ok<ListResponse<JsonObject>>> GetManyByIdAsync(string[]? ids, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var models = new List<JsonObject>();
        foreach (var id in ids ?? [])
        {
            if (await store.FindByVersionIdAsync(id, cancellationToken) is { } definition)
            {
                models.Add(DefinitionDocuments.ToModel(definition));
            }
        }

        return TypedResults.Ok(ListResponse.Of<JsonObject>(models));
    }

    private static async Task<Results<Ok<ListResponse<WorkflowDefinitionSummary>>, NotFound>> ListVersionsAsync(
        string definitionId, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var versions = await store.ListAsync(new VersionOptions("AllVersions"), definitionId, cancellationToken);
        return versions.Count == 0
            ? TypedResults.NotFound()
            : TypedResults.Ok(ListResponse.Of<WorkflowDefinitionSummary>([.. versions.Select(DefinitionDocuments.ToSummary)]));
    }

    private static async Task<Ok<IsNameUniqueResponse>> IsNameUniqueAsync(string? name, string? definitionId, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var latest = await store.ListAsync(VersionOptions.Latest, cancellationToken: cancellationToken);
        return TypedResults.Ok(new IsNameUniqueResponse(!latest.Any(d => d.DefinitionId != definitionId && string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))));
    }

    private static async Task<Ok<CountResponse>> CountAsync(IWorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CountResponse((await store.ListAsync(VersionOptions.Latest, cancellationToken: cancellationToken)).Count));
}

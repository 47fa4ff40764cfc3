using System.Text.Json;
using System.Text.Json.Nodes;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Definitions;

/// <summary>Export (a JSON file with <c>$schema</c>, the format <c>workflows/</c> holds) and import of one definition.</summary>
public static class WorkflowDefinitionTransferApi
{
    /// <summary>Maps export and import.</summary>
    public static RouteGroupBuilder MapWorkflowDefinitionTransferApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/workflow-definitions").WithTags("Workflow definitions");
        group.MapMethods("/{definitionId}/export", ["GET", "POST"], ExportAsync).WithName("ExportWorkflowDefinition").WithSummary("Downloads a definition version as a JSON file.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapPost("/import", ImportAsync).WithName("ImportWorkflowDefinition").WithSummary("Imports a definition document (an export file); published when the document says isPublished.")
            .RequirePermission(ErpPermissions.WorkflowsDesign);
        return api;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(
        string definitionId, string? versionOptions, IWorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(definitionId, DefinitionDocuments.ParseVersion(versionOptions, VersionOptions.Latest), cancellationToken) is { } definition
            ? TypedResults.File(DefinitionDocuments.ToExportFile(definition), "application/json", $"{definitionId}.json")
            : TypedResults.NotFound();

    private static async Task<Results<Ok<JsonObject>, ValidationProblem>> ImportAsync(
        JsonElement body, DefinitionDocuments documents, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        await store.FindAsync("", VersionOptions.Latest, cancellationToken);
        var read = documents.Read(body, "$");
        if (read.Definition is null)
        {
            return TypedResults.ValidationProblem(read.Errors, title: "The workflow definition is invalid.");
        }

        return TypedResults.Ok(await WorkflowDefinitionLifecycleApi.SaveValidatedAsync(read.Definition, read.Definition.IsPublished, store, cancellationToken));
    }
}

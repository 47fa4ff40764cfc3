using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Definitions;

/// <summary>Deleting one definition version, and the bulk retract / delete actions of Studio's definition list.</summary>
public static class WorkflowDefinitionBulkApi
{
    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapWorkflowDefinitionBulkApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapDelete("/workflow-definition-versions/{id}", DeleteVersionAsync).WithTags("Workflow definitions")
            .WithName("DeleteWorkflowDefinitionVersion").WithSummary("Deletes one unpublished version (the published one is refused with 400).")
            .RequirePermission(ErpPermissions.WorkflowsDesign);
        var bulk = api.MapGroup("/bulk-actions").WithTags("Workflow definitions");
        bulk.MapPost("/retract/workflow-definitions/by-definition-ids", BulkRetractAsync).WithName("BulkRetractWorkflowDefinitions").WithSummary("Retracts several definitions.")
            .RequirePermission(ErpPermissions.WorkflowsDesign);
        bulk.MapPost("/delete/workflow-definitions/by-definition-id", BulkDeleteByDefinitionIdAsync)
            .WithName("BulkDeleteWorkflowDefinitions").WithSummary("Deletes every version of several definitions.")
            .RequirePermission(ErpPermissions.WorkflowsDesign);
        bulk.MapPost("/delete/workflow-definitions/by-id", BulkDeleteByIdAsync).WithName("BulkDeleteWorkflowDefinitionVersions").WithSummary("Deletes versions by version id.")
            .RequirePermission(ErpPermissions.WorkflowsDesign);
        return api;
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> DeleteVersionAsync(string id, IWorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        await store.DeleteVersionAsync(id, cancellationToken) switch
        {
            DeleteVersionResult.Deleted => TypedResults.NoContent(),
            DeleteVersionResult.IsPublished => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["id"] = [$"Version '{id}' is published; retract it before deleting it."] }),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Ok<BulkRetractResponse>> BulkRetractAsync(BulkDefinitionIdsRequest request, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        List<string> retracted = [], already = [], notFound = [];
        foreach (var definitionId in (request.DefinitionIds ?? []).Distinct(StringComparer.Ordinal))
        {
            var target = await store.FindAsync(definitionId, VersionOptions.Latest, cancellationToken) is null ? notFound
                : await store.RetractAsync(definitionId, cancellationToken) ? retracted : already;
            target.Add(definitionId);
        }

        return TypedResults.Ok(new BulkRetractResponse(retracted, already, notFound, []));
    }

    private static async Task<Ok<BulkDeleteDefinitionsResponse>> BulkDeleteByDefinitionIdAsync(
        BulkDefinitionIdsRequest request, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var definitionId in (request.DefinitionIds ?? []).Distinct(StringComparer.Ordinal))
        {
            deleted += await store.DeleteAsync(definitionId, cancellationToken) > 0 ? 1 : 0;
        }

        return TypedResults.Ok(new BulkDeleteDefinitionsResponse(deleted));
    }

    // A published version in the list is skipped (not deleted) rather than failing the whole request.
    private static async Task<Ok<BulkDeleteDefinitionsResponse>> BulkDeleteByIdAsync(
        BulkVersionIdsRequest request, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var id in (request.Ids ?? []).Distinct(StringComparer.Ordinal))
        {
            deleted += await store.DeleteVersionAsync(id, cancellationToken) == DeleteVersionResult.Deleted ? 1 : 0;
        }

        return TypedResults.Ok(new BulkDeleteDefinitionsResponse(deleted));
    }
}

using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Instances;

/// <summary>Deleting instances (one, or in bulk — Studio's client still calls the deprecated <c>/by-id</c> alias) and bulk cancel.</summary>
public static class WorkflowInstanceDeletionApi
{
    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapWorkflowInstanceDeletionApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapDelete("/workflow-instances/{id}", DeleteAsync).WithTags("Workflow instances")
            .WithName("DeleteWorkflowInstance").WithSummary("Deletes an instance with its bookmarks, timers, incidents and journal.")
            .RequirePermission(ErpPermissions.Admin);
        var bulk = api.MapGroup("/bulk-actions").WithTags("Workflow instances");
        bulk.MapPost("/delete/workflow-instances", BulkDeleteAsync).WithName("BulkDeleteWorkflowInstances").WithSummary("Deletes instances by id.")
            .RequirePermission(ErpPermissions.Admin);
        bulk.MapPost("/delete/workflow-instances/by-id", BulkDeleteAsync).WithName("BulkDeleteWorkflowInstancesById").WithSummary("Alias of bulk delete.")
            .RequirePermission(ErpPermissions.Admin);
        bulk.MapPost("/cancel/workflow-instances", BulkCancelAsync).WithName("BulkCancelWorkflowInstances").WithSummary("Cancels instances by id.")
            .RequirePermission(ErpPermissions.WorkflowsRun);
        return api;
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string id, IWorkflowInstanceStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync([id], cancellationToken) > 0 ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<BulkDeleteResponse>, ValidationProblem>> BulkDeleteAsync(
        BulkInstancesRequest request, IWorkflowInstanceStore store, CancellationToken cancellationToken) =>
        request.Ids is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = ["is required."] })
            : TypedResults.Ok(new BulkDeleteResponse(await store.DeleteAsync(request.Ids, cancellationToken)));

    private static async Task<Results<Ok<BulkCancelResponse>, ValidationProblem>> BulkCancelAsync(
        BulkInstancesRequest request, [FromServices] IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (request.Ids is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = ["is required."] });
        }

        var cancelled = 0;
        foreach (var id in request.Ids.Distinct(StringComparer.Ordinal))
        {
            cancelled += await runtime.CancelAsync(id, cancellationToken) is null ? 0 : 1;
        }

        return TypedResults.Ok(new BulkCancelResponse(cancelled));
    }
}

using System.Text.Json;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Instances;

/// <summary>Workflow instances: list (POST as Studio does, or GET), get, execution state, cancel.</summary>
public static class WorkflowInstancesApi
{
    private const int DefaultPageSize = 50;

    /// <summary>Maps the instance routes.</summary>
    public static RouteGroupBuilder MapWorkflowInstancesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/workflow-instances").WithTags("Workflow instances");
        group.MapPost("/", ListAsync).WithName("ListWorkflowInstances").WithSummary("Lists instances, newest first (filter body; page is 0-based).")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/", ([AsParameters] ListInstancesRequest query, IWorkflowInstanceStore store, CancellationToken cancellationToken) => ListAsync(query, store, cancellationToken))
            .WithName("ListWorkflowInstancesByQuery").WithSummary("Lists instances with query-string filters.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/{id}", GetAsync).WithName("GetWorkflowInstance").WithSummary("Gets an instance with its workflow state.").RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/{id}/execution-state", GetExecutionStateAsync).WithName("GetWorkflowInstanceExecutionState").WithSummary("Status for polling observers.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        api.MapPost("/cancel/workflow-instances/{id}", CancelAsync).WithTags("Workflow instances").WithName("CancelWorkflowInstance").WithSummary("Cancels an instance.")
            .RequirePermission(ErpPermissions.WorkflowsRun);
        return api;
    }

    private static async Task<Results<Ok<PagedListResponse<WorkflowInstanceSummaryModel>>, ValidationProblem>> ListAsync(
        ListInstancesRequest request, IWorkflowInstanceStore store, CancellationToken cancellationToken)
    {
        var statusText = request.Status ?? (request.Statuses is [var only] ? only : null);
        WorkflowStatus? status = null;
        if (!string.IsNullOrEmpty(statusText))
        {
            if (!Enum.TryParse<WorkflowStatus>(statusText, ignoreCase: true, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"'{statusText}' is not one of {string.Join(", ", Enum.GetNames<WorkflowStatus>())}."] });
            }

            status = parsed;
        }

        var definitionId = request.DefinitionId ?? (request.DefinitionIds is [var single] ? single : null);
        var page = await store.ListAsync(
            new InstanceQuery(definitionId, status, request.CorrelationId, Math.Max(request.Page ?? 0, 0), request.PageSize is > 0 and var size ? size : DefaultPageSize),
            cancellationToken);
        return TypedResults.Ok(new PagedListResponse<WorkflowInstanceSummaryModel>([.. page.Items.Select(i => new WorkflowInstanceSummaryModel(
            i.Id, i.DefinitionId, i.DefinitionVersionId, i.Version, i.Status, i.SubStatus, i.CorrelationId, i.Name, i.IncidentCount,
            i.CreatedAt, i.UpdatedAt, i.FinishedAt))], page.TotalCount, []));
    }

    private static async Task<Results<Ok<WorkflowInstanceModel>, NotFound>> GetAsync(string id, IWorkflowInstanceStore store, CancellationToken cancellationToken)
    {
        if (await store.LoadAsync(id, cancellationToken) is not { State: var s })
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new WorkflowInstanceModel(
            s.Id, s.DefinitionId, s.DefinitionVersionId, s.DefinitionVersion, JsonSerializer.SerializeToNode(s, SerializerOptions.Default)!,
            s.Status, s.SubStatus, s.SubStatus == WorkflowSubStatus.Executing, s.CorrelationId, s.Name, s.Incidents.Count, false,
            s.CreatedAt, s.UpdatedAt, s.FinishedAt));
    }

    private static async Task<Results<Ok<WorkflowExecutionStateModel>, NotFound>> GetExecutionStateAsync(string id, IWorkflowInstanceStore store, CancellationToken cancellationToken) =>
        await store.LoadAsync(id, cancellationToken) is { State: var s }
            ? TypedResults.Ok(new WorkflowExecutionStateModel(s.Status, s.SubStatus, s.SubStatus, s.UpdatedAt))
            : TypedResults.NotFound();

    private static async Task<Results<Ok, NotFound>> CancelAsync(string id, [FromServices] IWorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await runtime.CancelAsync(id, cancellationToken) is null ? TypedResults.NotFound() : TypedResults.Ok();
}

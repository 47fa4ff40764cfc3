using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime;
using LowCodeErp.Workflows.Runtime.Dispatch;
using LowCodeErp.Workflows.Runtime.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Definitions;

/// <summary>
/// <c>POST /workflow-definitions/{definitionId}/dispatch</c>: starts an instance in the background and answers at once
/// with <c>{"workflowInstanceId"}</c> (the id is chosen before the run, so the caller can poll it).
/// </summary>
public static class WorkflowDispatchApi
{
    /// <summary>Maps dispatch.</summary>
    public static RouteGroupBuilder MapWorkflowDispatchApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/workflow-definitions/{definitionId}/dispatch", DispatchAsync).WithTags("Workflow execution")
            .WithName("DispatchWorkflowDefinition").WithSummary("Starts an instance without waiting for it to run.")
            .RequirePermission(ErpPermissions.WorkflowsRun);
        return api;
    }

    private static async Task<Results<Ok<DispatchWorkflowResponse>, NotFound, ValidationProblem>> DispatchAsync(
        string definitionId, DispatchWorkflowRequest? request, [FromServices] IBackgroundWorkflowDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var version = DefinitionDocuments.ParseVersion(request?.VersionOptions, VersionOptions.Published);
        var instanceId = string.IsNullOrWhiteSpace(request?.InstanceId) ? null : request.InstanceId;
        var input = request?.Input?.ToDictionary(p => p.Key, p => ValueConversion.FromElement(p.Value));
        var start = new StartWorkflowRequest(definitionId, version, request?.CorrelationId, input, instanceId, request?.TriggerActivityId);
        try
        {
            // Durable before we answer: the start marker is saved, then the run is queued on the bus.
            return TypedResults.Ok(new DispatchWorkflowResponse(await dispatcher.DispatchStartAsync(start, cancellationToken)));
        }
        catch (WorkflowDefinitionNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (ConcurrencyConflictException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["instanceId"] = [$"Instance '{instanceId}' already exists."] });
        }
    }
}

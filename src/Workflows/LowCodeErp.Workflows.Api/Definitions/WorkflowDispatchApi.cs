using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

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
        string definitionId, DispatchWorkflowRequest? request, [FromServices] IWorkflowRuntime runtime, IWorkflowDefinitionStore store,
        IWorkflowInstanceStore instances, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var version = DefinitionDocuments.ParseVersion(request?.VersionOptions, VersionOptions.Published);
        if (await store.FindAsync(definitionId, version, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var instanceId = string.IsNullOrWhiteSpace(request?.InstanceId) ? Guid.NewGuid().ToString("N") : request.InstanceId;
        if (await instances.LoadAsync(instanceId, cancellationToken) is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["instanceId"] = [$"Instance '{instanceId}' already exists."] });
        }

        var input = request?.Input?.ToDictionary(p => p.Key, p => ValueConversion.FromElement(p.Value));
        var start = new StartWorkflowRequest(definitionId, version, request?.CorrelationId, input, instanceId, request?.TriggerActivityId);
        var logger = loggers.CreateLogger(typeof(WorkflowDispatchApi));
        // Not tied to the request: the run continues after the response is sent.
        _ = Task.Run(async () =>
        {
            try
            {
                await runtime.StartAsync(start, CancellationToken.None);
            }
#pragma warning disable CA1031 // A background run has nobody to rethrow to; the failure is logged.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "Dispatched instance {InstanceId} of {DefinitionId} failed to start.", instanceId, definitionId);
            }
        }, CancellationToken.None);
        return TypedResults.Ok(new DispatchWorkflowResponse(instanceId));
    }
}

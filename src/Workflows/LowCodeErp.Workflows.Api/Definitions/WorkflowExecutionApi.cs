using System.Text.Json;
using System.Text.Json.Nodes;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Definitions;

/// <summary>
/// <c>/workflow-definitions/{definitionId}/execute</c>: runs until the instance suspends or finishes and answers like
/// Elsa — header <c>x-elsa-workflow-instance-id</c>, body <c>{"workflowState": …}</c>, 500 with the same body when faulted.
/// </summary>
public static class WorkflowExecutionApi
{
    /// <summary>The header Studio's "Run" reads.</summary>
    public const string InstanceIdHeader = "x-elsa-workflow-instance-id";

    /// <summary>Maps execute (POST with an optional JSON body, GET with query parameters).</summary>
    public static RouteGroupBuilder MapWorkflowExecutionApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/workflow-definitions").WithTags("Workflow execution");
        group.MapPost("/{definitionId}/execute", PostAsync).WithName("ExecuteWorkflowDefinition").WithSummary("Starts an instance and runs it until it suspends or finishes.")
            .RequirePermission(ErpPermissions.WorkflowsRun);
        group.MapGet("/{definitionId}/execute", GetAsync).WithName("ExecuteWorkflowDefinitionByGet").WithSummary("Same as POST execute, with input as a JSON query parameter.")
            .RequirePermission(ErpPermissions.WorkflowsRun);
        return api;
    }

    private static async Task<Results<Ok<JsonObject>, NotFound, JsonHttpResult<JsonObject>, ValidationProblem>> PostAsync(
        string definitionId, HttpContext http, [FromServices] IWorkflowRuntime runtime, IWorkflowDefinitionStore store,
        IWorkflowInstanceStore instances, CancellationToken cancellationToken)
    {
        // Elsa reads the body only when it is JSON; Studio's "Run" posts none.
        ExecuteWorkflowRequest? request = null;
        if (http.Request.HasJsonContentType() && http.Request.ContentLength != 0)
        {
            try
            {
                request = await http.Request.ReadFromJsonAsync<ExecuteWorkflowRequest>(ApiJson.Options, cancellationToken);
            }
            catch (JsonException exception)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [exception.Path ?? "$"] = [exception.Message] });
            }
        }

        return await ExecuteAsync(definitionId, request, http, runtime, store, instances, cancellationToken);
    }

    private static async Task<Results<Ok<JsonObject>, NotFound, JsonHttpResult<JsonObject>, ValidationProblem>> GetAsync(
        string definitionId, string? correlationId, string? triggerActivityId, string? versionOptions, string? input, HttpContext http,
        [FromServices] IWorkflowRuntime runtime, IWorkflowDefinitionStore store, IWorkflowInstanceStore instances, CancellationToken cancellationToken)
    {
        Dictionary<string, JsonElement>? values = null;
        try
        {
            values = string.IsNullOrWhiteSpace(input) ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(input);
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["input"] = [$"must be a JSON object: {exception.Message}"] });
        }

        var request = new ExecuteWorkflowRequest(correlationId, null, triggerActivityId, versionOptions, values);
        return await ExecuteAsync(definitionId, request, http, runtime, store, instances, cancellationToken);
    }

    private static async Task<Results<Ok<JsonObject>, NotFound, JsonHttpResult<JsonObject>, ValidationProblem>> ExecuteAsync(
        string definitionId, ExecuteWorkflowRequest? request, HttpContext http, IWorkflowRuntime runtime, IWorkflowDefinitionStore store,
        IWorkflowInstanceStore instances, CancellationToken cancellationToken)
    {
        var version = DefinitionDocuments.ParseVersion(request?.VersionOptions, VersionOptions.Published);
        if (await store.FindAsync(definitionId, version, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var input = request?.Input?.ToDictionary(p => p.Key, p => ValueConversion.FromElement(p.Value));
        var result = await runtime.StartAsync(
            new StartWorkflowRequest(definitionId, version, request?.CorrelationId, input, InstanceIds.New(TimeProvider.System.GetUtcNow()), request?.TriggerActivityId),
            cancellationToken);
        http.Response.Headers[InstanceIdHeader] = result.InstanceId;
        var state = (await instances.LoadAsync(result.InstanceId, cancellationToken))?.State;
        var body = new JsonObject { ["workflowState"] = state is null ? null : JsonSerializer.SerializeToNode(state, SerializerOptions.Default) };
        return result.SubStatus == WorkflowSubStatus.Faulted
            ? TypedResults.Json(body, ApiJson.Options, statusCode: StatusCodes.Status500InternalServerError)
            : TypedResults.Ok(body);
    }
}

using System.Text.Json;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Activities.Events;
using LowCodeErp.Workflows.Runtime.Dispatch;
using LowCodeErp.Workflows.Runtime.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Events;

/// <summary>
/// Body of <c>POST /events/{eventName}/trigger</c> (Elsa's; the correlation id narrows which bookmarks resume).
/// <c>workflowExecutionMode</c> <c>Asynchronous</c> queues the delivery on the bus and answers 202 at once.
/// </summary>
public sealed record TriggerEventRequest(string? CorrelationId, Dictionary<string, JsonElement>? Input, string? WorkflowExecutionMode = null);

/// <summary><c>{"workflowInstanceIds": […]}</c>: the instances the event started or resumed.</summary>
public sealed record TriggerEventResponse(IReadOnlyList<string> WorkflowInstanceIds);

/// <summary>
/// <c>POST /events/{eventName}/trigger</c>: delivers an <c>Elsa.Event</c> stimulus — resumes waiting Event activities
/// and starts published definitions whose Event trigger matches — and waits for those bursts to be persisted.
/// </summary>
public static class EventsApi
{
    /// <summary>Maps the route.</summary>
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/events/{eventName}/trigger", TriggerAsync).WithTags("Events")
            .WithName("TriggerEvent").WithSummary("Publishes an event to waiting and triggerable workflows.")
            .RequirePermission(ErpPermissions.WorkflowsRun);
        return api;
    }

    private static async Task<Results<Ok<TriggerEventResponse>, Accepted, ValidationProblem>> TriggerAsync(string eventName, TriggerEventRequest? request,
        [FromServices] IWorkflowRuntime runtime, [FromServices] IBackgroundWorkflowDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var input = request?.Input?.ToDictionary(p => p.Key, p => ValueConversion.FromElement(p.Value));
        switch (request?.WorkflowExecutionMode)
        {
            case null or "" or "Synchronous":
                var results = await runtime.SendStimulusAsync(
                    new StimulusRequest(EventPayload.StimulusName, new EventPayload(eventName), request?.CorrelationId, input, QueueIfUnmatched: true), cancellationToken);
                return TypedResults.Ok(new TriggerEventResponse([.. results.Select(r => r.InstanceId)]));
            case "Asynchronous":
                await dispatcher.DispatchEventAsync(eventName, request.CorrelationId, input, cancellationToken);
                return TypedResults.Accepted((string?)null);
            default:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["workflowExecutionMode"] = [$"'{request.WorkflowExecutionMode}' is not one of Synchronous, Asynchronous."],
                });
        }
    }
}

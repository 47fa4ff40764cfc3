using LowCodeErp.Workflows.Core.Activities.Http;
using LowCodeErp.Workflows.Runtime.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Api.HttpWorkflows;

/// <summary>
/// <c>/workflows/{**path}</c> for every method (research §2.6): the request becomes an <c>Elsa.HttpEndpoint</c> stimulus
/// that starts instances of matching published triggers and resumes matching bookmarks, inline in this request, so
/// WriteHttpResponse answers while the request is still open. Nothing matching is 404.
/// </summary>
public static class HttpWorkflowsEndpoint
{
    /// <summary>Maps the route under <paramref name="basePath"/> (Elsa's default is <c>/workflows</c>).</summary>
    public static IEndpointRouteBuilder MapHttpWorkflows(this IEndpointRouteBuilder endpoints, string basePath = "workflows")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Anonymous at the route, like Elsa's: each HttpEndpoint's authorize/policy inputs decide (HttpEndpointAuthorization).
        endpoints.Map(basePath.TrimEnd('/') + "/{**path}", HandleAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, string? path)
    {
        var cancellationToken = http.RequestAborted;
        var runtime = http.RequestServices.GetRequiredService<IWorkflowRuntime>();
        var payload = HttpEndpointPayload.For(path ?? "", http.Request.Method);
        if (!await HttpEndpointAuthorization.AuthorizeAsync(http, payload))
        {
            return;
        }

        var input = await HttpRequestReader.ReadAsync(http.Request, payload.Path, cancellationToken);
        var sink = new HttpContextResponseSink(http.Response);
        IReadOnlyList<WorkflowRunResult> results;
        using (HttpResponseSinkScope.Use(sink))
        {
            results = await runtime.SendStimulusAsync(new StimulusRequest(HttpEndpointPayload.StimulusName, payload, Input: input), cancellationToken);
        }

        if (sink.Written)
        {
            return;
        }

        if (results.Count == 0)
        {
            await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No workflow handles this request.",
                detail: $"No published HttpEndpoint or waiting bookmark matches {http.Request.Method} {payload.Path}.").ExecuteAsync(http);
            return;
        }

        if (results.SelectMany(r => r.Incidents).FirstOrDefault() is { } incident)
        {
            await Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The workflow faulted.",
                detail: incident.Message).ExecuteAsync(http);
            return;
        }

        // Matched but nothing was written (no WriteHttpResponse on the path taken): an empty success, like Elsa.
        http.Response.StatusCode = StatusCodes.Status200OK;
    }
}

using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Activities.Http;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Api.HttpWorkflows;

/// <summary>
/// The <c>authorize</c>/<c>policy</c> inputs of the HttpEndpoints a request would start or resume, checked before anything
/// runs (as Elsa does), so a refused request leaves no instance behind. <c>authorize</c> true needs a signed-in caller;
/// a <c>policy</c> (e.g. <c>permission:workflows:run</c>) must then also pass. An input given as an expression rather than
/// a literal cannot be judged before running, so it counts as <c>authorize</c> true (closed rather than open).
/// </summary>
public static class HttpEndpointAuthorization
{
    /// <summary>True when the request may go on; otherwise the 401/403 answer has been sent.</summary>
    public static async Task<bool> AuthorizeAsync(HttpContext http, HttpEndpointPayload payload)
    {
        ArgumentNullException.ThrowIfNull(http);
        var endpoints = await MatchingEndpointsAsync(http.RequestServices, payload, http.RequestAborted);
        var guarded = endpoints.Where(RequiresAuthorization).ToList();
        if (guarded.Count == 0)
        {
            return true;
        }

        if (http.User.Identity?.IsAuthenticated != true)
        {
            await http.ChallengeAsync();
            return false;
        }

        var policies = http.RequestServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        foreach (var name in guarded.Select(e => Literal(e.Policy) as string).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct())
        {
            var policy = await policies.GetPolicyAsync(name!);
            var result = policy is null ? null : await authorization.AuthorizeAsync(http.User, policy);
            if (result?.Succeeded != true)
            {
                await ForbidAsync(http, policy is null
                    ? $"The endpoint's policy '{name}' does not exist."
                    : string.Join(" ", result!.Failure?.FailureReasons.Select(r => r.Message) ?? []));
                return false;
            }
        }

        return true;
    }

    private static bool RequiresAuthorization(HttpEndpoint endpoint) =>
        endpoint.Authorize is { } authorize && (Literal(authorize) is not { } value || value is true || (value is string text && bool.TryParse(text, out var flag) && flag));

    /// <summary>The literal value of an input; null when it is absent, and the input itself when it is an expression.</summary>
    private static object? Literal(Input? input) => input?.Expression switch
    {
        null => null,
        { Type: ExpressionTypes.Literal, Value: var value } => value is System.Text.Json.JsonElement json ? JsonLiteral(json) : value,
        _ => input,
    };

    private static object? JsonLiteral(System.Text.Json.JsonElement json) => json.ValueKind switch
    {
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        System.Text.Json.JsonValueKind.String => json.GetString(),
        _ => json.ToString(),
    };

    private static async Task<List<HttpEndpoint>> MatchingEndpointsAsync(IServiceProvider services, HttpEndpointPayload payload, CancellationToken cancellationToken)
    {
        var hash = BookmarkHasher.Hash(HttpEndpointPayload.StimulusName, payload);
        var definitions = services.GetRequiredService<IWorkflowDefinitionStore>();
        var found = new List<HttpEndpoint>();
        foreach (var trigger in await services.GetRequiredService<TriggerIndexer>().FindByHashAsync(hash, cancellationToken))
        {
            found.AddRange(Find(await definitions.FindByVersionIdAsync(trigger.DefinitionVersionId, cancellationToken), trigger.ActivityId));
        }

        var instances = services.GetRequiredService<IWorkflowInstanceStore>();
        foreach (var bookmark in await services.GetRequiredService<IBookmarkStore>().FindByHashAsync(hash, cancellationToken: cancellationToken))
        {
            if (await instances.LoadAsync(bookmark.InstanceId, cancellationToken) is { } instance)
            {
                found.AddRange(Find(await definitions.FindByVersionIdAsync(instance.State.DefinitionVersionId, cancellationToken), bookmark.ActivityId));
            }
        }

        return found;
    }

    private static IEnumerable<HttpEndpoint> Find(WorkflowDefinition? definition, string activityId) =>
        definition is null ? [] : Descendants(definition.Root).OfType<HttpEndpoint>().Where(a => a.Id == activityId);

    private static IEnumerable<Activity> Descendants(Activity activity) => [activity, .. activity.GetChildren().SelectMany(Descendants)];

    private static async Task ForbidAsync(HttpContext http, string detail)
    {
        await http.ForbidAsync();
        if (!http.Response.HasStarted && http.Response.StatusCode == StatusCodes.Status403Forbidden)
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = detail },
            });
        }
    }
}

using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Registry;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Compatibility;

/// <summary>
/// Routes Studio's screens can call for Elsa features this engine does not have (resilience retries, workflow context
/// providers, dynamic input options, nested-container navigation, single-activity tests). Studio shows a full-page error on any failed call,
/// so they answer with the neutral shape of "nothing there": an empty list, the static options, or <c>null</c> where
/// Studio's client declares the result optional and then simply does nothing. Unknown ids still answer 404.
/// </summary>
public static class StudioCompatibilityApi
{
    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapStudioCompatibilityApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/resilience/retries/{activityInstanceId}", (string activityInstanceId) => TypedResults.Ok(new PagedListResponse<object>([], 0, [])))
            .WithTags("Compatibility").WithName("ListRetryAttempts").WithSummary("Retry attempts of an activity: always none (activities are not retried by resilience strategies here).")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        api.MapGet("/resilience/strategies", (string? category) => TypedResults.Ok(ListResponse.Of<object>([])))
            .WithTags("Compatibility").WithName("ListResilienceStrategies").WithSummary("Resilience strategies: none (the Elsa.Resilience feature is not installed).")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        api.MapGet("/workflow-contexts/provider-descriptors", () => TypedResults.Ok(ListResponse.Of<object>([])))
            .WithTags("Compatibility").WithName("ListWorkflowContextProviders").WithSummary("Workflow context providers: none.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        api.MapPost("/descriptors/activities/{activityTypeName}/options/{propertyName}", GetOptionsAsync)
            .WithTags("Descriptors").WithName("GetActivityInputOptions").WithSummary("An input's editor options (static here: they do not depend on the other inputs).")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        api.MapGet("/workflow-definitions/subgraph/segments/{id}", GetPathSegmentsAsync)
            .WithTags("Compatibility").WithName("GetWorkflowPathSegments").WithSummary("Path into a nested container: null (Studio then stays on the current container).")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        api.MapPost("/tests/activities", TestActivityAsync)
            .WithTags("Compatibility").WithName("TestActivity").WithSummary("The editor's Test tab: answers Faulted with a message saying single activities are not test-run here.")
            .RequirePermission(ErpPermissions.WorkflowsDesign);
        return api;
    }

    // An honest "not here" the Test tab can show (status Faulted, the message in its Fault panel) instead of an error bar.
    private static async Task<Results<Ok<TestActivityResponse>, NotFound, ValidationProblem>> TestActivityAsync(
        TestActivityRequest request, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.WorkflowDefinitionHandle?.DefinitionVersionId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["workflowDefinitionHandle.definitionVersionId"] = ["is required"] });
        }

        if (await store.FindByVersionIdAsync(request.WorkflowDefinitionHandle.DefinitionVersionId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new TestActivityResponse(new Dictionary<string, object?>(), null, null, "Faulted", new TestExceptionState(
            "NotSupported", "Testing a single activity is not supported by this server: publish the workflow and run it instead.", null)));
    }

    private static async Task<Results<Ok<ActivityOptionsResponse>, NotFound>> GetOptionsAsync(
        string activityTypeName, string propertyName, ActivityRegistry registry, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        // The store registers stored workflows-as-activities on its first read.
        await store.FindAsync("", VersionOptions.Latest, cancellationToken);
        var input = registry.Find(activityTypeName)?.Inputs.FirstOrDefault(i => string.Equals(i.Name, propertyName, StringComparison.OrdinalIgnoreCase));
        return input is null ? TypedResults.NotFound() : TypedResults.Ok(new ActivityOptionsResponse(input.UISpecifications ?? []));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> GetPathSegmentsAsync(string id, IWorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        await store.FindByVersionIdAsync(id, cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.Content("null", "application/json");
}

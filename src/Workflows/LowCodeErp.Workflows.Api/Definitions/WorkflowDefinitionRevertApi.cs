using System.Globalization;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Runtime;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Definitions;

/// <summary>
/// Studio's "revert" in the version history: the chosen version's document becomes a new latest draft (Elsa's
/// <c>RevertVersion</c> endpoint answers 201 with the new version's summary). The published version stays published.
/// </summary>
public static class WorkflowDefinitionRevertApi
{
    /// <summary>Maps <c>POST /workflow-definitions/{definitionId}/revert/{version}</c>.</summary>
    public static RouteGroupBuilder MapWorkflowDefinitionRevertApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/workflow-definitions/{definitionId}/revert/{version}", RevertAsync).WithTags("Workflow definitions")
            .WithName("RevertWorkflowDefinitionVersion").WithSummary("Copies a version into a new latest draft.")
            .RequirePermission(ErpPermissions.WorkflowsDesign);
        return api;
    }

    // The version is parsed here rather than by a route constraint, so "abc" is a 400 naming the field instead of a 404.
    private static async Task<Results<Created<WorkflowDefinitionSummary>, NotFound, ValidationProblem, ProblemHttpResult>> RevertAsync(
        string definitionId, string version, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = [$"'{version}' is not a version number (1, 2, …)."] });
        }

        try
        {
            return await store.RevertAsync(definitionId, number, cancellationToken) is { } reverted
                ? TypedResults.Created($"workflow-definitions/by-id/{Uri.EscapeDataString(reverted.Id)}", DefinitionDocuments.ToSummary(reverted))
                : TypedResults.NotFound();
        }
        catch (ConcurrencyConflictException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict, title: "Lost a race with another save.");
        }
    }
}

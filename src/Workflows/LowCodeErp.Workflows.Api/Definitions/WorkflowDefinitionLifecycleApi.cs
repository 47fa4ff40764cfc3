using System.Text.Json.Nodes;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Definitions;

/// <summary>
/// Elsa's definition lifecycle: save a draft (a new version over a published one), publish, retract, delete.
/// A definition is validated before anything is written, so an invalid one leaves the database untouched.
/// </summary>
public static class WorkflowDefinitionLifecycleApi
{
    /// <summary>Maps the lifecycle routes.</summary>
    public static RouteGroupBuilder MapWorkflowDefinitionLifecycleApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/workflow-definitions").WithTags("Workflow definitions");
        group.MapPost("/", SaveAsync).WithName("SaveWorkflowDefinition").WithSummary("Saves a draft (body {model, publish}); publishes it when publish is true.")
            .RequirePermission(ErpPermissions.WorkflowsDesign);
        group.MapPost("/{definitionId}/publish", PublishAsync).WithName("PublishWorkflowDefinition").WithSummary("Publishes the latest version.")
            .RequirePermission(ErpPermissions.WorkflowsDesign);
        group.MapPost("/{definitionId}/retract", RetractAsync).WithName("RetractWorkflowDefinition").WithSummary("Unpublishes the published version.")
            .RequirePermission(ErpPermissions.WorkflowsDesign);
        group.MapDelete("/{definitionId}", DeleteAsync).WithName("DeleteWorkflowDefinition").WithSummary("Deletes every version of a definition.")
            .RequirePermission(ErpPermissions.WorkflowsDesign);
        api.MapPost("/bulk-actions/publish/workflow-definitions/by-definition-ids", BulkPublishAsync)
            .WithTags("Workflow definitions").WithName("BulkPublishWorkflowDefinitions").WithSummary("Publishes the latest version of several definitions.")
            .RequirePermission(ErpPermissions.WorkflowsDesign);
        return api;
    }

    /// <summary>Saves a validated definition as a draft and publishes it when asked.</summary>
    internal static async Task<JsonObject> SaveValidatedAsync(WorkflowDefinition definition, bool publish, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var saved = await store.SaveDraftAsync(definition, cancellationToken);
        if (publish && (await store.PublishAsync(saved.DefinitionId, cancellationToken)).Definition is { } published)
        {
            saved = published;
        }

        return DefinitionDocuments.ToModel(saved);
    }

    private static async Task<Results<Ok<SaveWorkflowDefinitionResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        SaveWorkflowDefinitionRequest request, DefinitionDocuments documents, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        // Registers stored workflows-as-activities before the document is read.
        await store.FindAsync("", VersionOptions.Latest, cancellationToken);
        var read = documents.Read(request.Model, "$.model");
        var publish = request.Publish == true;

        // As in Elsa, a draft may be incomplete (Studio auto-saves while the analyst is still filling in inputs): it is
        // stored and its problems are reported. Only an unreadable document, or publishing an invalid one, is refused.
        if (read.Model is null || (publish && read.Definition is null))
        {
            return TypedResults.ValidationProblem(read.Errors, title: "The workflow definition is invalid.");
        }

        try
        {
            var model = await SaveValidatedAsync(read.Model, publish, store, cancellationToken);
            return TypedResults.Ok(new SaveWorkflowDefinitionResponse(model, false, 0, [.. read.Errors.Values.SelectMany(e => e)]));
        }
        catch (ConcurrencyConflictException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict, title: "Lost a race with another save.");
        }
    }

    private static async Task<Results<Ok<SaveWorkflowDefinitionResponse>, NotFound, ValidationProblem>> PublishAsync(
        string definitionId, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(definitionId, VersionOptions.Latest, cancellationToken) is not { } latest)
        {
            return TypedResults.NotFound();
        }

        if (latest.IsPublished)
        {
            return TypedResults.Ok(new SaveWorkflowDefinitionResponse(DefinitionDocuments.ToModel(latest), true, 0, []));
        }

        var result = await store.PublishAsync(definitionId, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new SaveWorkflowDefinitionResponse(DefinitionDocuments.ToModel(result.Definition!), false, 0, []))
            : TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => e.JsonPath).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()),
                title: "The workflow definition is invalid.");
    }

    private static async Task<Results<Ok<JsonObject>, NotFound, ValidationProblem>> RetractAsync(
        string definitionId, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(definitionId, VersionOptions.Latest, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        if (!await store.RetractAsync(definitionId, cancellationToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["definitionId"] = [$"'{definitionId}' has no published version."] });
        }

        var latest = await store.FindAsync(definitionId, VersionOptions.Latest, cancellationToken);
        return TypedResults.Ok(DefinitionDocuments.ToModel(latest!));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string definitionId, IWorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(definitionId, cancellationToken) > 0 ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<BulkPublishResponse>> BulkPublishAsync(BulkPublishRequest request, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        List<string> published = [], already = [], notFound = [], failed = [];
        foreach (var definitionId in request.DefinitionIds ?? [])
        {
            var latest = await store.FindAsync(definitionId, VersionOptions.Latest, cancellationToken);
            var target = latest is null ? notFound : latest.IsPublished ? already
                : (await store.PublishAsync(definitionId, cancellationToken)).Succeeded ? published : failed;
            target.Add(definitionId);
        }

        return TypedResults.Ok(new BulkPublishResponse(published, already, notFound, [], [], failed, new Dictionary<string, IReadOnlyList<string>>()));
    }
}

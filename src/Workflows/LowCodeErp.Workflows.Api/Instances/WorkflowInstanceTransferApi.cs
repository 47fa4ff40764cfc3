using System.Text.Json;
using System.Text.Json.Nodes;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Files;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Instances;

/// <summary>
/// Export of instances as Elsa's <c>ExportedWorkflowState</c> files (one JSON, or a ZIP of several) and their import
/// (<see cref="WorkflowInstanceImport"/>). Export files carry the state and the journal (the viewer's path and
/// activity executions are derived from it), so an imported instance shows in the viewer as it did where it ran.
/// </summary>
public static class WorkflowInstanceTransferApi
{
    /// <summary>Maps the export and import routes.</summary>
    public static RouteGroupBuilder MapWorkflowInstanceTransferApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapMethods("/workflow-instances/{id}/export", ["GET", "POST"], ExportAsync).WithTags("Workflow instances")
            .WithName("ExportWorkflowInstance").WithSummary("Downloads an instance as a JSON file.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        api.MapPost("/bulk-actions/export/workflow-instances", BulkExportAsync).WithTags("Workflow instances")
            .WithName("BulkExportWorkflowInstances").WithSummary("Downloads instances: one JSON file, or a ZIP when there are several.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        api.MapPost("/bulk-actions/import/workflow-instances", WorkflowInstanceImport.ImportAsync).WithTags("Workflow instances").DisableAntiforgery()
            .WithName("ImportWorkflowInstances").WithSummary("Imports exported instance files (JSON or ZIP), all or nothing; answers {count, imported}.")
            .RequirePermission(ErpPermissions.WorkflowsRun);
        return api;
    }

    /// <summary>Elsa's file name of an exported instance.</summary>
    internal static string FileName(string instanceId) => $"workflow-instance-{instanceId.ToLowerInvariant()}.json";

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(
        string id, IWorkflowInstanceStore instances, IWorkflowLogStore logs, CancellationToken cancellationToken) =>
        await ExportFileAsync(id, instances, logs, cancellationToken) is { } file
            ? TypedResults.File(file, "application/json", FileName(id))
            : TypedResults.NotFound();

    // As in Elsa, a single id answers with the plain JSON file rather than a ZIP; unknown ids are left out.
    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> BulkExportAsync(
        BulkInstancesRequest request, IWorkflowInstanceStore instances, IWorkflowLogStore logs, CancellationToken cancellationToken)
    {
        if (request.Ids is not { Length: > 0 } ids)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = ["at least one instance id is required"] });
        }

        if (ids.Distinct(StringComparer.Ordinal).ToList() is [var single])
        {
            return await ExportFileAsync(single, instances, logs, cancellationToken) is { } file
                ? TypedResults.File(file, "application/json", FileName(single))
                : TypedResults.NotFound();
        }

        var entries = new List<(string, byte[])>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (await ExportFileAsync(id, instances, logs, cancellationToken) is { } file)
            {
                entries.Add((FileName(id), file));
            }
        }

        return entries.Count == 0
            ? TypedResults.NotFound()
            : TypedResults.File(await ZipDownload.CreateAsync(entries, cancellationToken), "application/zip", "workflow-instances.zip");
    }

    /// <summary>
    /// Elsa's <c>ExportedWorkflowState</c>, with its PascalCase keys (Elsa writes it with default serializer options).
    /// Bookmarks and activity execution records are not separate here: both are part of (or derived from) the state and journal.
    /// </summary>
    private static async Task<byte[]?> ExportFileAsync(string id, IWorkflowInstanceStore instances, IWorkflowLogStore logs, CancellationToken cancellationToken)
    {
        if (await instances.LoadAsync(id, cancellationToken) is not { State: var state })
        {
            return null;
        }

        var journal = new List<JournalEntry>();
        for (var page = await logs.ListJournalAsync(id, 0, 1000, cancellationToken); page.Count > 0;
             page = await logs.ListJournalAsync(id, page[^1].Sequence, 1000, cancellationToken))
        {
            journal.AddRange(page);
        }

        var file = new JsonObject
        {
            ["WorkflowState"] = JsonSerializer.SerializeToNode(state, SerializerOptions.Default),
            ["Bookmarks"] = null,
            ["ActivityExecutionRecords"] = null,
            ["WorkflowExecutionLogRecords"] = JsonSerializer.SerializeToNode(journal, SerializerOptions.Default),
        };
        return JsonSerializer.SerializeToUtf8Bytes(file, SerializerOptions.Indented);
    }
}

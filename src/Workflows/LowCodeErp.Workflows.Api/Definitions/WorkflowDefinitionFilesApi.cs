using System.Text;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Files;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Definitions;

/// <summary>
/// Several definitions at once, as files: import of uploaded JSON/ZIP files and the ZIP export of Studio's definition
/// list. Unlike Elsa (which imports the good files of a batch and reports the bad ones), an import is all-or-nothing:
/// every document is read first, and one unreadable document refuses the whole upload with nothing written.
/// </summary>
public static class WorkflowDefinitionFilesApi
{
    /// <summary>Maps <c>POST /workflow-definitions/import-files</c> and <c>POST /bulk-actions/export/workflow-definitions</c>.</summary>
    public static RouteGroupBuilder MapWorkflowDefinitionFilesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/workflow-definitions/import-files", ImportFilesAsync).WithTags("Workflow definitions").DisableAntiforgery()
            .WithName("ImportWorkflowDefinitionFiles").WithSummary("Imports JSON files or ZIPs of them as drafts; answers {count}.")
            .RequirePermission(ErpPermissions.WorkflowsDesign);
        api.MapPost("/bulk-actions/export/workflow-definitions", BulkExportAsync).WithTags("Workflow definitions")
            .WithName("BulkExportWorkflowDefinitions").WithSummary("Downloads versions (by version id) as a ZIP of export files.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        return api;
    }

    private static async Task<Results<Ok<CountResponse>, ValidationProblem>> ImportFilesAsync(
        HttpRequest request, DefinitionDocuments documents, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var upload = await UploadedJsonFiles.ReadAsync(request, cancellationToken);
        // Registers stored workflows-as-activities before the documents are read.
        await store.FindAsync("", VersionOptions.Latest, cancellationToken);
        var errors = upload.Errors;
        var models = new List<WorkflowDefinition>();
        foreach (var document in upload.Documents)
        {
            // As Elsa's import-files, documents become drafts; like a save, a draft may be incomplete, but it must be readable.
            var read = documents.Read(document.Root, "$");
            if (read.Model is null)
            {
                foreach (var (path, messages) in read.Errors)
                {
                    errors[$"{document.Source}:{path}"] = messages;
                }

                continue;
            }

            models.Add(read.Model);
        }

        var duplicates = models.GroupBy(m => m.DefinitionId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            errors["files"] = [$"definition ids occur more than once in the upload: {string.Join(", ", duplicates)}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Nothing was imported: the upload has problems.");
        }

        foreach (var model in models)
        {
            await store.SaveDraftAsync(model, cancellationToken);
        }

        return TypedResults.Ok(new CountResponse(models.Count));
    }

    // Consuming workflows (includeConsumingWorkflows) are not added: no reference graph is kept between definitions.
    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> BulkExportAsync(
        BulkExportDefinitionsRequest request, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        if (request.Ids is not { Length: > 0 } ids)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = ["at least one definition version id is required"] });
        }

        var definitions = new List<WorkflowDefinition>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (await store.FindByVersionIdAsync(id, cancellationToken) is { } definition)
            {
                definitions.Add(definition);
            }
        }

        if (definitions.Count == 0)
        {
            return TypedResults.NotFound();
        }

        var zip = await ZipDownload.CreateAsync(
            definitions.OrderBy(d => d.DefinitionId, StringComparer.Ordinal).ThenBy(d => d.Version).Select(d => (FileName(d), DefinitionDocuments.ToExportFile(d))),
            cancellationToken);
        return TypedResults.File(zip, "application/zip", "workflow-definitions.zip");
    }

    /// <summary>Elsa's entry name: <c>workflow-definition-{name slug}-{definitionId}-{version id}.json</c>.</summary>
    private static string FileName(WorkflowDefinition definition)
    {
        var slug = new StringBuilder();
        foreach (var c in $"{(string.IsNullOrWhiteSpace(definition.Name) ? definition.DefinitionId : definition.Name.Trim())}-{definition.DefinitionId}-{definition.Id}")
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return $"workflow-definition-{slug}.json";
    }
}

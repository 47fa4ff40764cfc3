using System.Text.Json;
using LowCodeErp.Workflows.Api.Files;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LowCodeErp.Workflows.Api.Instances;

/// <summary>
/// <c>POST /bulk-actions/import/workflow-instances</c>. Every file is read and checked before anything is written, and
/// one bad file refuses the upload (Elsa writes file by file and overwrites existing instances). An instance id that
/// already exists is refused rather than overwritten: overwriting would rewind a live instance under its bookmarks.
/// The instance's definition version must be on this server (import the definition first), or it could not resume.
/// </summary>
public static class WorkflowInstanceImport
{
    /// <summary>Answers <c>{count, imported}</c>: Studio's client reads <c>count</c>, Elsa's server writes <c>imported</c>.</summary>
    public static async Task<Results<Ok<ImportInstancesResponse>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request, IWorkflowInstanceStore instances, IWorkflowDefinitionStore definitions, WorkflowInstanceImporter importer,
        CancellationToken cancellationToken)
    {
        var upload = await UploadedJsonFiles.ReadAsync(request, cancellationToken);
        var errors = upload.Errors;
        var states = new List<(WorkflowState State, IReadOnlyList<JournalEntry> Journal)>();
        foreach (var document in upload.Documents)
        {
            var problem = Read(document.Root, out var state, out var journal);
            problem ??= await CheckAsync(state!, states.Select(s => s.State.Id), instances, definitions, cancellationToken);
            if (problem is not null)
            {
                errors[document.Source] = [problem];
                continue;
            }

            states.Add((state!, journal!));
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Nothing was imported: the upload has problems.");
        }

        var imported = 0;
        foreach (var (state, journal) in states)
        {
            try
            {
                await importer.ImportAsync(state, journal, cancellationToken);
                imported++;
            }
            catch (ConcurrencyConflictException)
            {
                // Created between the check and the write: report what was imported before it.
                return TypedResults.Problem($"Instance '{state.Id}' was created while importing; {imported} instance(s) were imported before it.",
                    statusCode: StatusCodes.Status409Conflict, title: "Lost a race with another writer.");
            }
        }

        return TypedResults.Ok(new ImportInstancesResponse(imported, imported));
    }

    private static string? Read(JsonElement root, out WorkflowState? state, out IReadOnlyList<JournalEntry>? journal)
    {
        (state, journal) = (null, null);
        if (root.ValueKind != JsonValueKind.Object || !TryGet(root, "WorkflowState", out var stateJson) || stateJson.ValueKind != JsonValueKind.Object)
        {
            return "$.WorkflowState: an exported instance (object with WorkflowState) is required";
        }

        try
        {
            state = stateJson.Deserialize<WorkflowState>(SerializerOptions.Default);
            journal = TryGet(root, "WorkflowExecutionLogRecords", out var log) && log.ValueKind == JsonValueKind.Array
                ? log.Deserialize<List<JournalEntry>>(SerializerOptions.Default) ?? []
                : [];
        }
        catch (JsonException exception)
        {
            return $"{exception.Path ?? "$"}: {exception.Message}";
        }

        return string.IsNullOrWhiteSpace(state?.Id) || string.IsNullOrWhiteSpace(state.DefinitionVersionId)
            ? "$.WorkflowState: id and definitionVersionId are required"
            : null;
    }

    private static async Task<string?> CheckAsync(
        WorkflowState state, IEnumerable<string> earlier, IWorkflowInstanceStore instances, IWorkflowDefinitionStore definitions, CancellationToken cancellationToken)
    {
        if (earlier.Contains(state.Id, StringComparer.Ordinal))
        {
            return $"$.WorkflowState.id: instance '{state.Id}' occurs more than once in the upload";
        }

        if (await instances.LoadAsync(state.Id, cancellationToken) is not null)
        {
            return $"$.WorkflowState.id: instance '{state.Id}' already exists; delete it before importing it again";
        }

        return await definitions.FindByVersionIdAsync(state.DefinitionVersionId, cancellationToken) is null
            ? $"$.WorkflowState.definitionVersionId: definition version '{state.DefinitionVersionId}' is not on this server; import the definition first"
            : null;
    }

    // Elsa writes PascalCase keys; files edited by hand may be camelCase.
    private static bool TryGet(JsonElement json, string name, out JsonElement value)
    {
        foreach (var property in json.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            value = property.Value;
            return true;
        }

        value = default;
        return false;
    }
}

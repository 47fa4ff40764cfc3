using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Registry;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Core.Validation;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Workflows.Runtime.Import;

/// <summary>What an import did: new published versions, unchanged definitions, and problems (<c>file:json-path: message (activity id)</c>).</summary>
public sealed record ImportReport(IReadOnlyList<DefinitionVersionInfo> Published, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Errors);

/// <summary>
/// Makes the <c>workflows/</c> folder the source of truth: every <c>*.json</c> in it or any subfolder (not hidden ones such
/// as <c>.git</c>) is validated; a file whose content differs
/// from the published version becomes a new published version, an unchanged one does nothing, an invalid one is reported
/// and skipped. Never throws for a bad file, so a server still starts.
/// </summary>
public sealed class WorkflowFolderImporter(IWorkflowDefinitionStore store, ActivityRegistry registry, WorkflowSerializer serializer, WorkflowValidator validator)
{
    /// <summary>
    /// Imports every <c>*.json</c> in <paramref name="folder"/> and its subfolders, sorted by relative path so reports are
    /// stable; problems name the file by that path (<c>human-tasks/lease-approval.json:$.root…: message</c>).
    /// </summary>
    public async Task<ImportReport> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var loaded = await WorkflowFolder.LoadAsync(folder, registry, serializer, validator, errors, cancellationToken);
        var published = new List<DefinitionVersionInfo>();
        var unchanged = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in loaded)
        {
            if (!file.IsValid)
            {
                errors.AddRange(file.FormatErrors());
                continue;
            }

            var definition = file.Definition!;
            if (!seen.TryAdd(definition.DefinitionId, file.Source))
            {
                errors.Add($"{file.Source}:$.definitionId: '{definition.DefinitionId}' is also defined in {seen[definition.DefinitionId]}");
                continue;
            }

            if (await StoredContent.HoldsAsync(store, definition.DefinitionId, VersionOptions.Published, DefinitionContentHash.Compute(definition), cancellationToken))
            {
                unchanged.Add(definition.DefinitionId);
                continue;
            }

            await store.SaveDraftAsync(definition, cancellationToken);
            var result = await store.PublishAsync(definition.DefinitionId, cancellationToken);
            if (!result.Succeeded)
            {
                errors.AddRange(result.Errors.Select(e => $"{file.Source}:{e}"));
                continue;
            }

            published.Add((await store.ListAsync(VersionOptions.Published, definition.DefinitionId, cancellationToken))[0]);
        }

        return new ImportReport(published, unchanged, errors);
    }
}

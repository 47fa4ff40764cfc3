using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Registry;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Core.Validation;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Workflows.Runtime.Import;

/// <summary>
/// What an export did, by path relative to the folder: files written, files that already held the same definition, and
/// files left alone because they hold changes the database has never seen (<c>file: reason</c>).
/// </summary>
public sealed record ExportReport(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Conflicts);

/// <summary>
/// Writes stored definitions back into a <c>workflows/</c> folder in the format the importer reads, so that flows designed
/// in Studio can be committed. The folder is read exactly as the importer reads it, and a definition goes back to the file
/// the importer takes it from (the first valid one, at whatever depth), so the team's grouping survives; a new one becomes
/// <c>{definitionId}.json</c> at the top. A file with the same content (by <see cref="DefinitionContentHash"/>: formatting
/// and the store's version fields do not count) is not touched. A file is overwritten only when the database has seen
/// its content (it holds an older stored version): one edited since the last import, or mid-edit and invalid, is a
/// conflict and stays as it is unless <c>force</c>. Files of definitions not in the database stay as they are.
/// </summary>
public sealed class WorkflowFolderExporter(IWorkflowDefinitionStore store, ActivityRegistry registry, WorkflowSerializer serializer, WorkflowValidator validator)
{
    private static readonly VersionOptions AllVersions = new("AllVersions");

    /// <summary>Exports one version per definition (selected by <paramref name="version"/>).</summary>
    public async Task<ExportReport> ExportAsync(string folder, VersionOptions version, bool force = false, CancellationToken cancellationToken = default)
    {
        // Definitions first: reading them makes stored workflows-as-activities known, which reading the files needs.
        var definitions = new List<WorkflowDefinition>();
        var ids = (await store.ListAsync(version, cancellationToken: cancellationToken)).Select(v => v.DefinitionId).Distinct(StringComparer.Ordinal);
        foreach (var definitionId in ids.Order(StringComparer.Ordinal))
        {
            if (await store.FindAsync(definitionId, version, cancellationToken) is { } definition)
            {
                definitions.Add(definition);
            }
        }

        Directory.CreateDirectory(folder);
        var files = await ExportFolder.ReadAsync(folder, registry, serializer, validator, cancellationToken);
        var (written, unchanged, conflicts) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var definition in definitions)
        {
            var hash = DefinitionContentHash.Compute(definition);
            var holder = files.HolderOf(definition.DefinitionId);
            if (holder is { ContentHash: { } held } && held == hash)
            {
                unchanged.Add(holder.Source);
                continue;
            }

            if (!force && await ConflictAsync(definition, holder, files, cancellationToken) is { } conflict)
            {
                conflicts.Add(conflict);
                continue;
            }

            var source = holder?.Source ?? files.NewFileName(definition.DefinitionId);
            await WriteAsync(Path.Combine(folder, source.Replace('/', Path.DirectorySeparatorChar)), WorkflowSerializer.Write(definition), cancellationToken);
            written.Add(source);
        }

        return new ExportReport(written, unchanged, conflicts);
    }

    /// <summary>Why the definition's file must not be overwritten, or null when its content is an older stored version.</summary>
    private async Task<string?> ConflictAsync(WorkflowDefinition definition, ExportFolder.HeldDefinition? holder, ExportFolder files, CancellationToken cancellationToken)
    {
        if (holder is null)
        {
            return files.UnreadableFileNamed(definition.DefinitionId) is { } unreadable
                ? $"{unreadable}: not a readable definition, and the name {definition.DefinitionId} would be written to; fix or move it first"
                : null;
        }

        if (holder.ContentHash is null)
        {
            return $"{holder.Source}: invalid ({holder.FirstError}); the stored version would replace an edit in progress";
        }

        return await StoredContent.HoldsAsync(store, definition.DefinitionId, AllVersions, holder.ContentHash, cancellationToken)
            ? null
            : $"{holder.Source}: changed since it was last imported; import it first (start the server or save it with the watcher on)";
    }

    /// <summary>Through a temporary file, so the folder watcher of a running server never reads half a definition.</summary>
    private static async Task WriteAsync(string path, string json, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, json + Environment.NewLine, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}

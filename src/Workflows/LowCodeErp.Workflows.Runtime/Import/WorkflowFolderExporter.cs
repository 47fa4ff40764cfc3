using System.Text.Json;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Workflows.Runtime.Import;

/// <summary>What an export did, by path relative to the folder: the files written, and those that already held the same definition.</summary>
public sealed record ExportReport(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged);

/// <summary>
/// Writes stored definitions back into a <c>workflows/</c> folder in the format the importer reads, so that flows designed
/// in Studio can be committed. A definition goes to the file that already holds it, at whatever depth, so the team's
/// grouping survives; a new one becomes <c>{definitionId}.json</c> at the top. A file that already holds the same content
/// (by <see cref="DefinitionContentHash"/>: its formatting and the store's version fields do not count) is not touched, so an
/// export into the repository shows only real changes. Files of definitions that are not in the database stay as they are.
/// </summary>
public sealed class WorkflowFolderExporter(IWorkflowDefinitionStore store, WorkflowSerializer serializer)
{
    /// <summary>Exports one version per definition (selected by <paramref name="version"/>).</summary>
    public async Task<ExportReport> ExportAsync(string folder, VersionOptions version, CancellationToken cancellationToken = default)
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
        var (existing, taken) = await ReadFolderAsync(folder, cancellationToken);
        var written = new List<string>();
        var unchanged = new List<string>();
        foreach (var definition in definitions)
        {
            var file = existing.GetValueOrDefault(definition.DefinitionId);
            if (file is not null && file.ContentHash == DefinitionContentHash.Compute(definition))
            {
                unchanged.Add(file.Source);
                continue;
            }

            var source = file?.Source ?? NewFileName(definition.DefinitionId, taken);
            await WriteAsync(Path.Combine(folder, source.Replace('/', Path.DirectorySeparatorChar)), WorkflowSerializer.Write(definition), cancellationToken);
            written.Add(source);
        }

        return new ExportReport(written, unchanged);
    }

    /// <summary>Which file holds which definition (the first by path, as the importer takes it), and every name in use.</summary>
    private async Task<(Dictionary<string, ExistingFile> ByDefinitionId, HashSet<string> Taken)> ReadFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var byDefinitionId = new Dictionary<string, ExistingFile>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // case-insensitive file systems too
        foreach (var (path, source) in WorkflowFolder.JsonFiles(folder))
        {
            taken.Add(source);
            string json;
            try
            {
                json = await File.ReadAllTextAsync(path, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue; // the name stays taken; the definition, if it is one, gets a file of its own
            }

            if (DefinitionIdOf(json) is { } definitionId && !byDefinitionId.ContainsKey(definitionId))
            {
                // An invalid file has no hash, so the stored (valid) version replaces it.
                var read = serializer.Read(json);
                byDefinitionId[definitionId] = new ExistingFile(source, read.IsValid ? DefinitionContentHash.Compute(read.Definition!) : null);
            }
        }

        return (byDefinitionId, taken);
    }

    private static string? DefinitionIdOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return WorkflowSerializer.ReadHeader(document.RootElement, [])?.DefinitionId is { Length: > 0 } definitionId ? definitionId : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Definition ids are free text: characters a file system rejects become '_', and a name in use gets a suffix.</summary>
    private static string NewFileName(string definitionId, HashSet<string> taken)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var stem = new string([.. definitionId.Select(c => invalid.Contains(c) ? '_' : c)]);
        var name = stem + ".json";
        for (var n = 2; !taken.Add(name); n++)
        {
            name = $"{stem}-{n}.json";
        }

        return name;
    }

    /// <summary>Through a temporary file, so the folder watcher of a running server never reads half a definition.</summary>
    private static async Task WriteAsync(string path, string json, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, json + Environment.NewLine, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record ExistingFile(string Source, string? ContentHash);
}

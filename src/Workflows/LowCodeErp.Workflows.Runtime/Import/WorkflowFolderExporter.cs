using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Workflows.Runtime.Import;

/// <summary>Writes stored definitions back as <c>{definitionId}.json</c> in the format the importer reads.</summary>
public sealed class WorkflowFolderExporter(IWorkflowDefinitionStore store)
{
    /// <summary>Exports one version per definition (selected by <paramref name="version"/>); returns the files written.</summary>
    public async Task<IReadOnlyList<string>> ExportAsync(string folder, VersionOptions version, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var definitionIds = (await store.ListAsync(version, cancellationToken: cancellationToken)).Select(v => v.DefinitionId).Distinct(StringComparer.Ordinal);
        foreach (var definitionId in definitionIds)
        {
            if (await store.FindAsync(definitionId, version, cancellationToken) is not { } definition)
            {
                continue;
            }

            var path = Path.Combine(folder, FileName(definitionId));
            await File.WriteAllTextAsync(path, WorkflowSerializer.Write(definition) + Environment.NewLine, cancellationToken);
            written.Add(path);
        }

        return written;
    }

    /// <summary>Definition ids are free text; characters a file system rejects become '_'.</summary>
    private static string FileName(string definitionId)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string([.. definitionId.Select(c => invalid.Contains(c) ? '_' : c)]) + ".json";
    }
}

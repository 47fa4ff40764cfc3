using LowCodeErp.Workflows.Core.Registry;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Core.Validation;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Workflows.Runtime.Import;

/// <summary>A <c>workflows/</c> folder as an export sees it: which file holds which definition, and which names are in use.</summary>
internal sealed class ExportFolder
{
    private readonly Dictionary<string, HeldDefinition> _valid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HeldDefinition> _invalid = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unreadable = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase); // case-insensitive file systems too
    private readonly string _folder;
    private static readonly string[] WindowsDeviceNames =
        ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    private ExportFolder(string folder) => _folder = folder;

    /// <summary>A file holding a definition; <see cref="ContentHash"/> is null when the file is invalid.</summary>
    public sealed record HeldDefinition(string Source, string? ContentHash, string? FirstError);

    /// <summary>Reads the folder exactly as the importer does.</summary>
    public static async Task<ExportFolder> ReadAsync(
        string folder, ActivityRegistry registry, WorkflowSerializer serializer, WorkflowValidator validator, CancellationToken cancellationToken)
    {
        var result = new ExportFolder(folder);
        foreach (var (_, source) in WorkflowFolder.JsonFiles(folder))
        {
            result._taken.Add(source);
            result._unreadable.Add(source); // until it loads as a definition with an id
        }

        foreach (var file in await WorkflowFolder.LoadAsync(folder, registry, serializer, validator, [], cancellationToken))
        {
            if (file.Definition is not { DefinitionId: { Length: > 0 } definitionId })
            {
                continue;
            }

            result._unreadable.Remove(file.Source);
            if (file.IsValid)
            {
                // The first valid file by path, as the importer takes it; later ones are its duplicates.
                result._valid.TryAdd(definitionId, new HeldDefinition(file.Source, DefinitionContentHash.Compute(file.Definition), null));
            }
            else
            {
                result._invalid.TryAdd(definitionId, new HeldDefinition(file.Source, null, file.Errors[0].ToString()));
            }
        }

        return result;
    }

    /// <summary>The file the importer takes the definition from, else the first invalid one that names it.</summary>
    public HeldDefinition? HolderOf(string definitionId) =>
        _valid.GetValueOrDefault(definitionId) ?? _invalid.GetValueOrDefault(definitionId);

    /// <summary>The unreadable file that has the name a new file for the definition would get, if any.</summary>
    public string? UnreadableFileNamed(string definitionId) => _unreadable.TryGetValue(Stem(definitionId) + ".json", out var file) ? file : null;

    /// <summary>A free name at the top of the folder; a name in use (by any file or folder) gets a suffix.</summary>
    public string NewFileName(string definitionId)
    {
        var stem = Stem(definitionId);
        var name = stem + ".json";
        for (var n = 2; _taken.Contains(name) || Path.Exists(Path.Combine(_folder, name)); n++)
        {
            name = $"{stem}-{n}.json";
        }

        _taken.Add(name);
        return name;
    }

    /// <summary>
    /// Definition ids are free text: one fixed set of characters is kept on every OS (so a checkout works on Windows too),
    /// the rest become '_', and a leading dot too (hidden files are not imported); a device name gets a trailing '_'.
    /// </summary>
    private static string Stem(string definitionId)
    {
        var stem = new string([.. definitionId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        stem = stem.StartsWith('.') ? "_" + stem[1..] : stem;
        // Windows (and Git for Windows) refuse device names whatever the extension: con.json cannot be checked out.
        return WindowsDeviceNames.Contains(stem.Split('.')[0], StringComparer.OrdinalIgnoreCase) ? stem + "_" : stem;
    }
}

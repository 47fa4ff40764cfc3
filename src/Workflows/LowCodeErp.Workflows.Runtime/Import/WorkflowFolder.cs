using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Registry;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Core.Validation;

namespace LowCodeErp.Workflows.Runtime.Import;

/// <summary>Which files of a <c>workflows/</c> folder are definitions, and how they are named: shared by import and export.</summary>
internal static class WorkflowFolder
{
    // Teams group flows by area (workflows/human-tasks/…); editors and VCS keep their state in hidden folders.
    private static readonly EnumerationOptions AllSubfolders = new() { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };

    /// <summary>
    /// Every <c>*.json</c> in <paramref name="folder"/> and its subfolders (not hidden ones such as <c>.git</c>), sorted by
    /// relative path so reports are stable and the first of two files defining one definition is always the same.
    /// </summary>
    public static IEnumerable<(string Path, string Source)> JsonFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.json", AllSubfolders)
            .Select(file => (Path: file, Source: RelativePath(folder, file)))
            .OrderBy(f => f.Source, StringComparer.Ordinal);

    /// <summary>
    /// Reads every definition file and loads the set as the CLI does (workflows used as activities first, then validation);
    /// the loader's in-memory store is a scratch copy, the database is what counts. Unreadable files are
    /// <paramref name="errors"/>.
    /// </summary>
    public static async Task<IReadOnlyList<LoadedDefinition>> LoadAsync(
        string folder, ActivityRegistry registry, WorkflowSerializer serializer, WorkflowValidator validator, List<string> errors, CancellationToken cancellationToken)
    {
        var documents = new List<(string Source, string Json)>();
        foreach (var (file, source) in JsonFiles(folder))
        {
            try
            {
                documents.Add((source, await File.ReadAllTextAsync(file, cancellationToken)));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{source}:$: cannot be read: {exception.Message}");
            }
        }

        return new DefinitionLoader(registry, serializer, validator, new InMemoryWorkflowDefinitionStore()).Load(documents);
    }

    /// <summary>The file's path below the folder with '/' on every platform, as it reads in the repository.</summary>
    public static string RelativePath(string folder, string file) => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
}

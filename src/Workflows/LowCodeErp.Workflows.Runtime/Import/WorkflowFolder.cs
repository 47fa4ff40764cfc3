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

    /// <summary>The file's path below the folder with '/' on every platform, as it reads in the repository.</summary>
    public static string RelativePath(string folder, string file) => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
}

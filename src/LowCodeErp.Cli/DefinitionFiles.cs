namespace LowCodeErp.Cli;

/// <summary>Finds definition files on disk: which <c>*.json</c> files count as definitions, and reads them.</summary>
public static class DefinitionFiles
{
    // Scenario expectations and test suites sit beside definitions in the same folders but are not definitions.
    private static readonly string[] ExcludedSuffixes = [".expect.json", ".tests.json"];

    /// <summary>Whether a file name looks like a workflow definition.</summary>
    public static bool IsDefinitionFile(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) &&
        !ExcludedSuffixes.Any(suffix => path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Expands command-line paths: a file stays as given (whatever its name: the user asked for it), a folder becomes
    /// its definition files, recursively and sorted so output is stable. Duplicates (a file and its folder) are dropped.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Where(IsDefinitionFile).Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[path];
            foreach (var file in files)
            {
                if (seen.Add(Path.GetFullPath(file)))
                {
                    result.Add(file);
                }
            }
        }

        return result;
    }

    /// <summary>The other definition files in the folder of <paramref name="file"/> (not recursive): its dependencies.</summary>
    public static IReadOnlyList<string> SiblingsOf(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var self = Path.GetFullPath(file);
        return Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly)
            .Where(IsDefinitionFile)
            .Where(f => !string.Equals(Path.GetFullPath(f), self, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads a file; returns null and an error message when it cannot be read.</summary>
    public static string? TryRead(string path, out string? error)
    {
        try
        {
            error = null;
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: cannot read file: {ex.Message}";
            return null;
        }
    }
}

namespace LowCodeErp.Server.Startup;

/// <summary><c>Workflows:*</c> settings of the embedded server.</summary>
public sealed class WorkflowsStartupOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Workflows";

    /// <summary>
    /// Folder imported at start-up. Relative paths are resolved against the working directory; when unset, the nearest
    /// <c>workflows/</c> folder in the working directory or one of its parents (the repository's, under <c>dotnet run</c>).
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>Apply database migrations at start-up (the embedded shape; servers with a migration step turn it off).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Re-import the folder when a file changes; null means "in Development only".</summary>
    public bool? WatchFolder { get; set; }

    /// <summary>The folder to import, or null when none is configured or found.</summary>
    public string? ResolveFolder()
    {
        if (!string.IsNullOrWhiteSpace(Folder))
        {
            return Path.GetFullPath(Folder);
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "workflows");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

namespace LowCodeErp.Rules;

/// <summary><c>Rules:*</c> settings.</summary>
public sealed class RulesOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Rules";

    /// <summary>
    /// Folder imported at start-up; relative to the working directory. When unset, the nearest <c>rules/</c> folder in
    /// the working directory or one of its parents (the repository's under <c>dotnet run</c>).
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>Re-import the folder when a file changes; null means "in Development only".</summary>
    public bool? WatchFolder { get; set; }

    /// <summary>Apply the rules migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Record inputs and decisions of real evaluations for the impact preview.</summary>
    public bool RecordEvaluations { get; set; } = true;

    /// <summary>Evaluations recorded per second and rule set at most (a sample under heavy load).</summary>
    public int MaxRecordsPerSecond { get; set; } = 50;

    /// <summary>Recorded evaluations are written in one batch per interval (a preview or warm-up writes what is queued first).</summary>
    public TimeSpan RecordFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Recorded evaluations kept per rule set (the newest).</summary>
    public int RetainEvaluations { get; set; } = 1000;

    /// <summary>
    /// With bus invalidation (<c>AddRulesBusInvalidation</c>): how often a replica compares its cache with the database,
    /// the safety net for a notification it missed while its queue was gone.
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>With bus invalidation: how long a publish waits for the broker before it leaves the others to reconciliation.</summary>
    public TimeSpan AnnounceTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The folder to import, or null when none is configured or found.</summary>
    public string? ResolveFolder()
    {
        if (!string.IsNullOrWhiteSpace(Folder))
        {
            return Path.GetFullPath(Folder);
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "rules");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

namespace LowCodeErp.Workflows.Core.Model;

/// <summary>Which version of a definition to use (Elsa's VersionOptions).</summary>
public readonly record struct VersionOptions(string Kind, int Version = 0)
{
    /// <summary>The published version.</summary>
    public static readonly VersionOptions Published = new("Published");
    /// <summary>The latest version (draft or published).</summary>
    public static readonly VersionOptions Latest = new("Latest");
    /// <summary>The latest version, else the published one.</summary>
    public static readonly VersionOptions LatestOrPublished = new("LatestOrPublished");

    /// <summary>A specific version number.</summary>
    public static VersionOptions SpecificVersion(int version) => new("SpecificVersion", version);

    /// <summary>Parses <c>Published</c>, <c>Latest</c>, <c>LatestOrPublished</c>, <c>Draft</c> or a number.</summary>
    public static VersionOptions Parse(string? text) => text switch
    {
        null or "" => Published,
        _ when int.TryParse(text, out var n) => SpecificVersion(n),
        _ when text.Equals("Latest", StringComparison.OrdinalIgnoreCase) => Latest,
        _ when text.Equals("LatestOrPublished", StringComparison.OrdinalIgnoreCase) => LatestOrPublished,
        _ when text.Equals("Draft", StringComparison.OrdinalIgnoreCase) => new("Draft"),
        _ => Published,
    };

    /// <summary>Whether <paramref name="definition"/> matches.</summary>
    public bool Matches(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Kind switch
        {
            "Published" => definition.IsPublished,
            "Latest" => definition.IsLatest,
            "LatestOrPublished" => definition.IsLatest || definition.IsPublished,
            "Draft" => !definition.IsPublished,
            "SpecificVersion" => definition.Version == Version,
            _ => false,
        };
    }
}

/// <summary>Finds definitions for ExecuteWorkflow, DispatchWorkflow and workflows used as activities.</summary>
public interface IWorkflowDefinitionProvider
{
    /// <summary>The version of a definition selected by <paramref name="version"/>.</summary>
    ValueTask<WorkflowDefinition?> FindAsync(string definitionId, VersionOptions version, CancellationToken cancellationToken = default);

    /// <summary>A definition version by its version id.</summary>
    ValueTask<WorkflowDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default);
}

/// <summary>Definitions held in memory (CLI, tests, the engine without a database).</summary>
public sealed class InMemoryWorkflowDefinitionStore : IWorkflowDefinitionProvider
{
    private readonly List<WorkflowDefinition> _definitions = [];
    private readonly Lock _lock = new();

    /// <summary>Adds or replaces a definition version (matched by version id).</summary>
    public void Save(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_lock)
        {
            _definitions.RemoveAll(d => d.Id == definition.Id && !string.IsNullOrEmpty(d.Id));
            _definitions.Add(definition);
        }
    }

    /// <summary>All versions held.</summary>
    public IReadOnlyList<WorkflowDefinition> All()
    {
        lock (_lock)
        {
            return [.. _definitions];
        }
    }

    /// <inheritdoc />
    public ValueTask<WorkflowDefinition?> FindAsync(string definitionId, VersionOptions version, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var candidates = _definitions.Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version).ToList();
            var match = candidates.FirstOrDefault(version.Matches);
            if (match is null && version.Kind == "Published")
            {
                // Definitions loaded from files often carry isPublished=false; an unambiguous single version still runs.
                match = candidates.Count == 1 ? candidates[0] : null;
            }

            return ValueTask.FromResult(match);
        }
    }

    /// <inheritdoc />
    public ValueTask<WorkflowDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_definitions.Find(d => d.Id == versionId));
        }
    }
}

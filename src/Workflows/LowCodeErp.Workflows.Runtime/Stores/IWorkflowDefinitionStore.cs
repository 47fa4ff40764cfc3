using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>A definition version without its document (lists, import decisions).</summary>
public sealed record DefinitionVersionInfo(
    string Id, string DefinitionId, int Version, string? Name, bool IsLatest, bool IsPublished, bool UsableAsActivity,
    string ContentHash, DateTimeOffset CreatedAt);

/// <summary>The outcome of a publish: the published version, or why nothing was written.</summary>
public sealed record PublishResult(WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors)
{
    /// <summary>Whether the version is now published.</summary>
    public bool Succeeded => Definition is not null && Errors.Count == 0;
}

/// <summary>Outcome of deleting one definition version.</summary>
public enum DeleteVersionResult
{
    /// <summary>The version is deleted.</summary>
    Deleted,

    /// <summary>No such (undeleted) version.</summary>
    NotFound,

    /// <summary>The version is the published one; nothing was written.</summary>
    IsPublished,
}

/// <summary>
/// Versioned definitions with Elsa's lifecycle (research §3.10): a draft saved over a published version becomes a new
/// version; publishing flips the flags so at most one version is published; instances keep their own version.
/// </summary>
public interface IWorkflowDefinitionStore : IWorkflowDefinitionProvider
{
    /// <summary>
    /// Saves a draft: a new version when the latest is published (or none exists), else updates the latest draft in place.
    /// Returns the stored definition with its version id, number and flags set.
    /// </summary>
    Task<WorkflowDefinition> SaveDraftAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Validates and publishes the latest version; invalid → errors and nothing written.</summary>
    Task<PublishResult> PublishAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>Unpublishes the published version; false when none was published.</summary>
    Task<bool> RetractAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>Soft-deletes every version; returns how many. Pinned instances can still load theirs by version id.</summary>
    Task<int> DeleteAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Soft-deletes one version by its version id. The published version is refused (retract it first, as Studio's
    /// version list only offers delete for unpublished versions); deleting the latest makes the previous one latest.
    /// </summary>
    Task<DeleteVersionResult> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Elsa's revert: copies version <paramref name="version"/> into a new latest, unpublished version (the previous
    /// latest, draft or not, stays as it was, no longer latest). Null when that version does not exist.
    /// </summary>
    Task<WorkflowDefinition?> RevertAsync(string definitionId, int version, CancellationToken cancellationToken = default);

    /// <summary>Versions matching <paramref name="version"/>, optionally of one definition, newest first.</summary>
    Task<IReadOnlyList<DefinitionVersionInfo>> ListAsync(VersionOptions version, string? definitionId = null, CancellationToken cancellationToken = default);
}

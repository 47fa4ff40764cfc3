using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Workflows.Runtime.Import;

/// <summary>Whether the database already holds a definition's content: import's "unchanged" and export's "seen" both ask.</summary>
internal static class StoredContent
{
    /// <summary>
    /// True when a stored version selected by <paramref name="versions"/> has <paramref name="contentHash"/>. The stored
    /// column answers first (no parse, so an unchanged start-up import stays cheap); only when it does not match is each
    /// version hashed again, so rows hashed by an older build still compare by today's rules.
    /// </summary>
    public static async Task<bool> HoldsAsync(
        IWorkflowDefinitionStore store, string definitionId, VersionOptions versions, string contentHash, CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(versions, definitionId, cancellationToken);
        if (stored.Any(v => v.ContentHash == contentHash))
        {
            return true;
        }

        foreach (var version in stored)
        {
            if (await store.FindAsync(definitionId, VersionOptions.SpecificVersion(version.Version), cancellationToken) is { } definition
                && DefinitionContentHash.Compute(definition) == contentHash)
            {
                return true;
            }
        }

        return false;
    }
}

using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>
/// Decorates the definition store so every publish, retract and delete re-indexes the definition's triggers — also
/// for the folder importer, which publishes through this interface. (Index and lifecycle are separate transactions:
/// a crash in between is repaired by the next publish or import of that definition.)
/// </summary>
internal sealed class TriggerIndexingDefinitionStore(EfWorkflowDefinitionStore inner, TriggerIndexer indexer) : IWorkflowDefinitionStore
{
    public ValueTask<WorkflowDefinition?> FindAsync(string definitionId, VersionOptions version, CancellationToken cancellationToken = default) =>
        inner.FindAsync(definitionId, version, cancellationToken);

    public ValueTask<WorkflowDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default) =>
        inner.FindByVersionIdAsync(versionId, cancellationToken);

    public Task<WorkflowDefinition> SaveDraftAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default) =>
        inner.SaveDraftAsync(definition, cancellationToken);

    public Task<IReadOnlyList<DefinitionVersionInfo>> ListAsync(VersionOptions version, string? definitionId = null, CancellationToken cancellationToken = default) =>
        inner.ListAsync(version, definitionId, cancellationToken);

    // Only unpublished versions can be deleted, so the published triggers stay as they are.
    public Task<DeleteVersionResult> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default) =>
        inner.DeleteVersionAsync(versionId, cancellationToken);

    // A reverted version is an unpublished draft, so the published triggers stay as they are.
    public Task<WorkflowDefinition?> RevertAsync(string definitionId, int version, CancellationToken cancellationToken = default) =>
        inner.RevertAsync(definitionId, version, cancellationToken);

    public async Task<PublishResult> PublishAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var result = await inner.PublishAsync(definitionId, cancellationToken);
        if (result.Succeeded)
        {
            await indexer.IndexAsync(definitionId, result.Definition, cancellationToken);
        }

        return result;
    }

    public async Task<bool> RetractAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var retracted = await inner.RetractAsync(definitionId, cancellationToken);
        await ReindexAsync(definitionId, cancellationToken);
        return retracted;
    }

    public async Task<int> DeleteAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var deleted = await inner.DeleteAsync(definitionId, cancellationToken);
        await ReindexAsync(definitionId, cancellationToken);
        return deleted;
    }

    private async Task ReindexAsync(string definitionId, CancellationToken cancellationToken) =>
        await indexer.IndexAsync(definitionId, await inner.FindAsync(definitionId, VersionOptions.Published, cancellationToken), cancellationToken);
}

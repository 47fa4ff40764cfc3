using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>Deleting a single version (Studio's version list).</summary>
public sealed partial class EfWorkflowDefinitionStore
{
    /// <inheritdoc />
    public async Task<DeleteVersionResult> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await db.Definitions.FirstOrDefaultAsync(d => d.Id == versionId, cancellationToken);
        if (version is null || version.IsPublished)
        {
            return version is null ? DeleteVersionResult.NotFound : DeleteVersionResult.IsPublished;
        }

        if (version.IsLatest && await db.Definitions.Where(d => d.DefinitionId == version.DefinitionId && d.Id != version.Id)
                .OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken) is { } previous)
        {
            previous.IsLatest = true;
        }

        (version.IsDeleted, version.IsLatest) = (true, false);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Invalidate(version.DefinitionId);
        return DeleteVersionResult.Deleted;
    }
}

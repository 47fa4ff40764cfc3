using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>Deleting and reverting to a single version (Studio's version list).</summary>
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

    /// <inheritdoc />
    public async Task<WorkflowDefinition?> RevertAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        Invalidate(definitionId);
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var source = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken);
        if (source is null)
        {
            return null;
        }

        var next = await NextVersionAsync(db, definitionId, cancellationToken);
        await db.Definitions.Where(d => d.DefinitionId == definitionId && d.IsLatest).ExecuteUpdateAsync(u => u.SetProperty(d => d.IsLatest, false), cancellationToken);
        var reverted = new WorkflowDefinitionRecord
        {
            Id = Guid.NewGuid().ToString("N"), DefinitionId = definitionId, Version = next, Name = source.Name, IsLatest = true,
            UsableAsActivity = source.UsableAsActivity, Json = source.Json, ContentHash = source.ContentHash, CreatedAt = clock.GetUtcNow(),
        };
        db.Definitions.Add(reverted);
        await SaveVersionAsync(db, definitionId, "reverted", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Invalidate(definitionId);
        return await ToDefinitionAsync(reverted, cancellationToken);
    }

    // Version numbers stay unique across deleted rows too (the unique index covers them).
    private static async Task<int> NextVersionAsync(WorkflowsDbContext db, string definitionId, CancellationToken cancellationToken) =>
        (await db.Definitions.IgnoreQueryFilters().Where(d => d.DefinitionId == definitionId)
            .MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0) + 1;

    private static async Task SaveVersionAsync(WorkflowsDbContext db, string definitionId, string action, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Another save took the same version number first (the unique index refused this one); nothing was written.
            throw new ConcurrencyConflictException($"Definition '{definitionId}' changed while it was being {action}; try again.", exception);
        }
    }
}

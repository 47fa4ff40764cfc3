using System.Linq.Expressions;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>Bookmark lookups on the hash index.</summary>
public sealed class EfBookmarkStore(IDbContextFactory<WorkflowsDbContext> contexts) : IBookmarkStore
{
    private static readonly Expression<Func<BookmarkRecord, StoredBookmark>> ToStored =
        b => new StoredBookmark(b.Id, b.InstanceId, b.CorrelationId, b.Name, b.Hash, b.ActivityId, b.ActivityInstanceId, b.CreatedAt);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredBookmark>> FindByHashAsync(string hash, string? correlationId = null, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = db.Bookmarks.AsNoTracking().Where(b => b.Hash == hash);
        rows = correlationId is null ? rows : rows.Where(b => b.CorrelationId == correlationId);
        return await rows.OrderBy(b => b.CreatedAt).Select(ToStored).ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StoredBookmark?> FindByIdAsync(string bookmarkId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Bookmarks.AsNoTracking().Where(b => b.Id == bookmarkId).Select(ToStored).FirstOrDefaultAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredBookmark>> FindByInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).OrderBy(b => b.CreatedAt).Select(ToStored).ToListAsync(cancellationToken);
    }
}

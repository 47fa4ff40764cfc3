using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Persistence;
using System.Text.Json;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>A stored bookmark: which instance waits, and where.</summary>
public sealed record StoredBookmark(string Id, string InstanceId, string? CorrelationId, string Name, string Hash, string ActivityId, string ActivityInstanceId, DateTimeOffset CreatedAt);

/// <summary>
/// Bookmark lookup for stimuli. Rows are written only by <see cref="IWorkflowInstanceStore.SaveAsync"/>, from the
/// instance's state in the same transaction, so the index never disagrees with the instance.
/// </summary>
public interface IBookmarkStore
{
    /// <summary>Bookmarks with this hash; with a correlation id, only those of instances with that correlation id.</summary>
    Task<IReadOnlyList<StoredBookmark>> FindByHashAsync(string hash, string? correlationId = null, CancellationToken cancellationToken = default);

    /// <summary>A bookmark by id.</summary>
    Task<StoredBookmark?> FindByIdAsync(string bookmarkId, CancellationToken cancellationToken = default);

    /// <summary>An instance's bookmarks.</summary>
    Task<IReadOnlyList<StoredBookmark>> FindByInstanceAsync(string instanceId, CancellationToken cancellationToken = default);
}

/// <summary>Maps engine bookmarks to rows.</summary>
internal static class BookmarkRows
{
    public static BookmarkRecord From(Bookmark bookmark, WorkflowState state) => new()
    {
        Id = bookmark.Id,
        InstanceId = state.Id,
        CorrelationId = state.CorrelationId,
        Name = bookmark.Name,
        Hash = bookmark.Hash,
        ActivityId = bookmark.ActivityId,
        ActivityInstanceId = bookmark.ActivityInstanceId,
        PayloadJson = bookmark.Payload is null ? null : JsonSerializer.Serialize(bookmark.Payload, SerializerOptions.Default),
        CreatedAt = bookmark.CreatedAt.ToUniversalTime(),
    };
}

namespace LowCodeErp.Workflows.Api.Models;

/// <summary>A HATEOAS link; Studio unlocks editing from <c>rel</c> values such as <c>publish</c> and <c>bulk-publish</c>.</summary>
public sealed record Link(string Href, string Rel, string Method);

/// <summary>Elsa's <c>ListResponse&lt;T&gt;</c>: <c>{items, count}</c>.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, int Count);

/// <summary>Creates <see cref="ListResponse{T}"/>s.</summary>
public static class ListResponse
{
    /// <summary>Wraps a list.</summary>
    public static ListResponse<T> Of<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(items, items.Count);
    }
}

/// <summary>Elsa's <c>PagedListResponse&lt;T&gt;</c>: <c>{items, totalCount, links}</c>; pages are 0-based.</summary>
public sealed record PagedListResponse<T>(IReadOnlyList<T> Items, int TotalCount, IReadOnlyList<Link> Links);

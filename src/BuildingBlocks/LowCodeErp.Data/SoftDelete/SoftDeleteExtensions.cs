using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Data.SoftDelete;

/// <summary>Helpers around soft-deleted rows.</summary>
public static class SoftDeleteExtensions
{
    /// <summary>The name of the global query filter, for <c>IgnoreQueryFilters([SoftDeleteExtensions.FilterName])</c>.</summary>
    public const string FilterName = "SoftDelete";

    /// <summary>Makes a soft-deleted entity live again (saved, and audited as "Restored", by the next SaveChanges).</summary>
    public static void Restore(this ISoftDeletable entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.DeletedAt = null;
        entity.DeletedBy = null;
    }

    /// <summary>Only the soft-deleted rows of a set (other named filters of the service stay on).</summary>
    public static IQueryable<T> OnlyDeleted<T>(this IQueryable<T> query)
        where T : class, ISoftDeletable =>
        query.IgnoreQueryFilters([FilterName]).Where(e => e.DeletedAt != null);

    /// <summary>Live and soft-deleted rows together (other named filters of the service stay on).</summary>
    public static IQueryable<T> IncludingDeleted<T>(this IQueryable<T> query)
        where T : class, ISoftDeletable =>
        query.IgnoreQueryFilters([FilterName]);
}

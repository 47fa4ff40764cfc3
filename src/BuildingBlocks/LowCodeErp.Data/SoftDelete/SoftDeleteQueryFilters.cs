using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Data.SoftDelete;

/// <summary>Adds the named "SoftDelete" filter (<c>DeletedAt == null</c>) to every soft-deletable entity type.</summary>
internal static class SoftDeleteQueryFilters
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        var softDeletable = modelBuilder.Model.GetEntityTypes()
            .Where(t => typeof(ISoftDeletable).IsAssignableFrom(t.ClrType) && t.BaseType is null && !t.IsOwned())
            .ToList();
        foreach (var entityType in softDeletable)
        {
            // A named filter, so IgnoreQueryFilters(["SoftDelete"]) leaves a service's own filters (e.g. tenant) on.
            var entity = Expression.Parameter(entityType.ClrType, "e");
            var deletedAt = Expression.Property(entity, nameof(ISoftDeletable.DeletedAt));
            var isLive = Expression.Equal(deletedAt, Expression.Constant(null, typeof(DateTimeOffset?)));
            entityType.SetQueryFilter(SoftDeleteExtensions.FilterName, Expression.Lambda(isLive, entity));
        }
    }
}

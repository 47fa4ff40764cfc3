using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LowCodeErp.Data.SoftDelete;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LowCodeErp.Data.Auditing;

/// <summary>Describes one tracked change as an <see cref="AuditEntry"/> (before/after of the changed properties).</summary>
internal static class AuditEntryFactory
{
    public static AuditEntry? Describe(EntityEntry entry, DateTimeOffset now, string? userId, string? userName)
    {
        var action = ActionOf(entry);
        if (action is null)
        {
            return null;
        }

        var changes = new JsonObject();
        foreach (var property in entry.Properties.Where(p => AuditModel.IsAudited(p.Metadata)))
        {
            var before = entry.State == EntityState.Added ? null : property.OriginalValue;
            var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            var changed = entry.State switch
            {
                EntityState.Added => after is not null,
                EntityState.Deleted => before is not null,
                _ => property.IsModified && !Equals(before, after),
            };
            if (changed)
            {
                changes[property.Metadata.Name] = new JsonObject
                {
                    ["before"] = ToJson(before),
                    ["after"] = ToJson(after),
                };
            }
        }

        if (action == AuditActions.Updated && changes.Count == 0)
        {
            return null; // e.g. a property set to the value it already had
        }

        return new AuditEntry
        {
            Timestamp = now,
            UserId = userId,
            UserName = userName,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = KeyOf(entry),
            Action = action,
            Changes = changes.ToJsonString(),
        };
    }

    /// <summary>The primary key as text; called again after SaveChanges for store-generated keys.</summary>
    public static string KeyOf(EntityEntry entry) =>
        string.Join(',', entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    public static bool HasTemporaryKey(EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey()!.Properties.Any(p => entry.Property(p.Name).IsTemporary);

    private static string? ActionOf(EntityEntry entry)
    {
        switch (entry.State)
        {
            case EntityState.Added:
                return AuditActions.Created;
            case EntityState.Deleted:
                return AuditActions.Deleted;
            case EntityState.Modified when entry.Entity is ISoftDeletable:
                var deletedAt = entry.Property(nameof(ISoftDeletable.DeletedAt));
                return (deletedAt.OriginalValue, deletedAt.CurrentValue) switch
                {
                    (null, not null) => AuditActions.Deleted,
                    (not null, null) => AuditActions.Restored,
                    _ => AuditActions.Updated,
                };
            case EntityState.Modified:
                return AuditActions.Updated;
            default:
                return null;
        }
    }

    private static JsonNode? ToJson(object? value) =>
        value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType());
}

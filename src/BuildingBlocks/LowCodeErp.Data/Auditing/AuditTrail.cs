using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Data.Auditing;

/// <summary>One audit record as the API returns it (changes parsed, so clients get JSON, not a JSON string).</summary>
public sealed record AuditRecord(
    long Id,
    DateTimeOffset Timestamp,
    string? UserId,
    string? UserName,
    string EntityType,
    string EntityId,
    string Action,
    JsonElement Changes);

/// <summary>Reads the audit log of a service's DbContext.</summary>
public static class AuditTrail
{
    /// <summary>Every recorded change of one entity, oldest first (soft-deleted entities included).</summary>
    public static async Task<IReadOnlyList<AuditRecord>> ForEntityAsync(
        this DbContext context, string entityType, string entityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entries = await context.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return entries.Select(ToRecord).ToList();
    }

    private static AuditRecord ToRecord(AuditEntry entry)
    {
        using var changes = JsonDocument.Parse(entry.Changes);
        return new AuditRecord(entry.Id, entry.Timestamp, entry.UserId, entry.UserName, entry.EntityType,
            entry.EntityId, entry.Action, changes.RootElement.Clone());
    }
}

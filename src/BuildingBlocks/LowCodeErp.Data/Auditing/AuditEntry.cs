namespace LowCodeErp.Data.Auditing;

/// <summary>One change of one entity, written in the same SaveChanges transaction as the change itself.</summary>
public sealed class AuditEntry
{
    /// <summary>Database-generated; the order in which changes were saved.</summary>
    public long Id { get; set; }

    /// <summary>When the change was saved (UTC).</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>The user id (<c>sub</c>), or null for work without a signed-in user.</summary>
    public string? UserId { get; set; }

    /// <summary>The user's display name at the time of the change.</summary>
    public string? UserName { get; set; }

    /// <summary>The entity's CLR type name, e.g. "LeaseContract" (the {entity} of the audit endpoint).</summary>
    public required string EntityType { get; set; }

    /// <summary>The primary key as text (composite keys joined by ',').</summary>
    public required string EntityId { get; set; }

    /// <summary>Created, Updated, Deleted or Restored (see <see cref="AuditActions"/>).</summary>
    public required string Action { get; set; }

    /// <summary>JSON object: property name → {"before": …, "after": …} for each changed property.</summary>
    public required string Changes { get; set; }
}

/// <summary>The values of <see cref="AuditEntry.Action"/>.</summary>
public static class AuditActions
{
    /// <summary>The entity was inserted.</summary>
    public const string Created = "Created";

    /// <summary>Properties changed.</summary>
    public const string Updated = "Updated";

    /// <summary>Soft-deleted (DeletedAt set) or, for entities that are not soft-deletable, removed.</summary>
    public const string Deleted = "Deleted";

    /// <summary>A soft-deleted entity was made live again.</summary>
    public const string Restored = "Restored";
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LowCodeErp.Data.Auditing;

/// <summary>The audit table's mapping and the rules for what is audited.</summary>
public static class AuditModel
{
    /// <summary>
    /// Model annotation (value true) that keeps an entity type out of the audit. LowCodeErp.Messaging sets it on its
    /// outbox/inbox tables by name, so neither building block references the other.
    /// </summary>
    public const string NotAuditedAnnotation = "LowCodeErp:NotAudited";

    internal static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("erp_audit_log");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.EntityType).HasMaxLength(200);
            audit.Property(a => a.EntityId).HasMaxLength(200);
            audit.Property(a => a.Action).HasMaxLength(20);
            audit.Property(a => a.UserId).HasMaxLength(200);
            audit.Property(a => a.UserName).HasMaxLength(200);
            audit.HasIndex(a => new { a.EntityType, a.EntityId, a.Id });
            audit.HasAnnotation(NotAuditedAnnotation, true);
        });
    }

    internal static bool IsAudited(IEntityType entityType) =>
        entityType.FindAnnotation(NotAuditedAnnotation)?.Value is not true
        && !Attribute.IsDefined(entityType.ClrType, typeof(NotAuditedAttribute));

    internal static bool IsAudited(IProperty property) =>
        property.PropertyInfo is null || !Attribute.IsDefined(property.PropertyInfo, typeof(NotAuditedAttribute));
}

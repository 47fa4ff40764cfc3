using LowCodeErp.Messaging.Inbox;
using LowCodeErp.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Messaging;

/// <summary>Maps the outbox and inbox tables into a service's own DbContext.</summary>
public static class MessagingModel
{
    // The same annotation LowCodeErp.Data's AuditModel reads; spelled out so neither building block references the other.
    private const string NotAuditedAnnotation = "LowCodeErp:NotAudited";

    /// <summary>Call in OnModelCreating of every DbContext that publishes (outbox) or consumes (inbox) messages.</summary>
    public static ModelBuilder ApplyErpMessaging(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("erp_outbox");
            outbox.HasKey(m => m.Id);
            outbox.HasIndex(m => m.MessageId).IsUnique();
            outbox.HasIndex(m => new { m.SentAt, m.Id });
            outbox.Property(m => m.MessageType).HasMaxLength(500);
            outbox.Property(m => m.LockedBy).HasMaxLength(100);
            outbox.HasAnnotation(NotAuditedAnnotation, true);
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("erp_inbox");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
            inbox.HasAnnotation(NotAuditedAnnotation, true);
        });
        return modelBuilder;
    }
}

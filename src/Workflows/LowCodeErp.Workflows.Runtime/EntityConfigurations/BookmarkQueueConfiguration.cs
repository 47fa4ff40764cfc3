using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCodeErp.Workflows.Runtime.EntityConfigurations;

/// <summary>Queued stimuli: found by hash when a bookmark appears, purged by expiry.</summary>
internal sealed class BookmarkQueueConfiguration : IEntityTypeConfiguration<BookmarkQueueItemRecord>
{
    public void Configure(EntityTypeBuilder<BookmarkQueueItemRecord> builder)
    {
        builder.ToTable("WorkflowBookmarkQueue");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).HasMaxLength(Lengths.Id);
        builder.Property(q => q.Hash).HasMaxLength(Lengths.Hash);
        builder.Property(q => q.Name).HasMaxLength(Lengths.Name);
        builder.Property(q => q.CorrelationId).HasMaxLength(Lengths.Id);
        builder.HasIndex(q => q.Hash);
        builder.HasIndex(q => q.ExpiresAt);
    }
}

using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCodeErp.Workflows.Runtime.EntityConfigurations;

/// <summary>Bookmarks: looked up by hash (and correlation id) when a stimulus arrives; replaced per instance on save.</summary>
internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<BookmarkRecord>
{
    public void Configure(EntityTypeBuilder<BookmarkRecord> builder)
    {
        builder.ToTable("WorkflowBookmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(Lengths.Id);
        builder.Property(b => b.InstanceId).HasMaxLength(Lengths.Id).IsRequired();
        builder.Property(b => b.CorrelationId).HasMaxLength(Lengths.Id);
        builder.Property(b => b.Name).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(b => b.Hash).HasMaxLength(Lengths.Hash).IsRequired();
        builder.Property(b => b.ActivityId).HasMaxLength(Lengths.Id).IsRequired();
        builder.Property(b => b.ActivityInstanceId).HasMaxLength(Lengths.Id).IsRequired();
        builder.HasIndex(b => new { b.Hash, b.CorrelationId });
        builder.HasIndex(b => b.InstanceId);
        builder.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(b => b.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

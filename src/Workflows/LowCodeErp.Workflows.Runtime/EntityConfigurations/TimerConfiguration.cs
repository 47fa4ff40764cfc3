using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCodeErp.Workflows.Runtime.EntityConfigurations;

/// <summary>Timers: polled by due time; a claim (node + lease) makes one node fire each timer.</summary>
internal sealed class TimerConfiguration : IEntityTypeConfiguration<TimerRecord>
{
    public void Configure(EntityTypeBuilder<TimerRecord> builder)
    {
        builder.ToTable("WorkflowTimers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(Lengths.Id);
        builder.Property(t => t.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(t => t.DefinitionVersionId).HasMaxLength(Lengths.Id);
        builder.Property(t => t.BookmarkId).HasMaxLength(Lengths.Id);
        builder.Property(t => t.ActivityId).HasMaxLength(Lengths.Id);
        builder.Property(t => t.ClaimedBy).HasMaxLength(Lengths.Name);
        builder.HasIndex(t => t.DueAt);
        builder.HasIndex(t => t.InstanceId);
        builder.HasIndex(t => t.DefinitionVersionId);
    }
}

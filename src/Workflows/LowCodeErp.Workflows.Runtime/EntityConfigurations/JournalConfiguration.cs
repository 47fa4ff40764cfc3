using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCodeErp.Workflows.Runtime.EntityConfigurations;

/// <summary>Journal: the key (instance, sequence) is also the read order, and makes a replayed append fail loudly.</summary>
internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalRecord>
{
    public void Configure(EntityTypeBuilder<JournalRecord> builder)
    {
        builder.ToTable("WorkflowJournal");
        builder.HasKey(j => new { j.InstanceId, j.Sequence });
        builder.Property(j => j.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(j => j.ActivityInstanceId).HasMaxLength(Lengths.Id).IsRequired();
        builder.Property(j => j.ParentActivityInstanceId).HasMaxLength(Lengths.Id);
        builder.Property(j => j.ActivityId).HasMaxLength(Lengths.Id).IsRequired();
        builder.Property(j => j.ActivityType).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(j => j.ActivityName).HasMaxLength(Lengths.Name);
        builder.Property(j => j.ActivityNodeId).HasMaxLength(Lengths.Name);
        builder.Property(j => j.EventName).HasMaxLength(Lengths.Status * 2).IsRequired();
    }
}

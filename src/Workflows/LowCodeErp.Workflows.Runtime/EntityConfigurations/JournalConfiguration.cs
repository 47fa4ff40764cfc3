using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCodeErp.Workflows.Runtime.EntityConfigurations;

/// <summary>
/// Journal segments: the key (instance, first sequence) is also the read order, and makes a replayed append fail
/// loudly; the index on the last sequence lets a page start in the middle of a segment.
/// </summary>
internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalSegmentRecord>
{
    public void Configure(EntityTypeBuilder<JournalSegmentRecord> builder)
    {
        builder.ToTable("WorkflowJournalSegments");
        builder.HasKey(j => new { j.InstanceId, j.FirstSequence });
        builder.Property(j => j.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(j => j.EntriesJson).IsRequired();
        builder.HasIndex(j => new { j.InstanceId, j.LastSequence });
    }
}

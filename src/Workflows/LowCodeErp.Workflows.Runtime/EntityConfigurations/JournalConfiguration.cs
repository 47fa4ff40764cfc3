using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCodeErp.Workflows.Runtime.EntityConfigurations;

/// <summary>
/// Journal segments: the key (instance, last sequence) is the read order (segments never overlap), lets a page start in
/// the middle of a segment (the first segment whose last sequence is past the page's start), and makes a replayed append
/// fail loudly. It is the table's only index: every save inserts a segment, and each further index on the random
/// instance id cost the writer another page per save.
/// </summary>
internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalSegmentRecord>
{
    public void Configure(EntityTypeBuilder<JournalSegmentRecord> builder)
    {
        builder.ToTable("WorkflowJournalSegments");
        builder.HasKey(j => new { j.InstanceId, j.LastSequence });
        builder.Property(j => j.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(j => j.EntriesJson).IsRequired();
    }
}

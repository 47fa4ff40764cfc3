using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCodeErp.Workflows.Runtime.EntityConfigurations;

/// <summary>Triggers of published versions, looked up by hash when a stimulus may start a new instance.</summary>
internal sealed class TriggerConfiguration : IEntityTypeConfiguration<TriggerRecord>
{
    public void Configure(EntityTypeBuilder<TriggerRecord> builder)
    {
        builder.ToTable("WorkflowTriggers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(Lengths.Id);
        builder.Property(t => t.DefinitionId).HasMaxLength(Lengths.Id).IsRequired();
        builder.Property(t => t.DefinitionVersionId).HasMaxLength(Lengths.Id).IsRequired();
        builder.Property(t => t.ActivityId).HasMaxLength(Lengths.Id).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(t => t.Hash).HasMaxLength(Lengths.Hash).IsRequired();
        builder.HasIndex(t => t.Hash);
        builder.HasIndex(t => t.DefinitionVersionId);
        builder.HasIndex(t => t.DefinitionId);
    }
}

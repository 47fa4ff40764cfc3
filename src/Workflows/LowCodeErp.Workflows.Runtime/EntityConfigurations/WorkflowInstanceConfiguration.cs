using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCodeErp.Workflows.Runtime.EntityConfigurations;

/// <summary>Instances: statuses as text (readable in SQL, stable if the enum is reordered), a concurrency stamp.</summary>
internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(Lengths.Id);
        builder.Property(i => i.DefinitionId).HasMaxLength(Lengths.Id).IsRequired();
        builder.Property(i => i.DefinitionVersionId).HasMaxLength(Lengths.Id).IsRequired();
        builder.Property(i => i.CorrelationId).HasMaxLength(Lengths.Id);
        builder.Property(i => i.Name).HasMaxLength(Lengths.Name);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(Lengths.Status);
        builder.Property(i => i.SubStatus).HasConversion<string>().HasMaxLength(Lengths.Status);
        builder.Property(i => i.StateJson).IsRequired();
        builder.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(i => i.DefinitionId);
        builder.HasIndex(i => i.CorrelationId);
        builder.HasIndex(i => new { i.Status, i.SubStatus });
        builder.HasIndex(i => i.CreatedAt);
    }
}

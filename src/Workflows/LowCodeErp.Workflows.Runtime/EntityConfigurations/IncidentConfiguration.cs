using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCodeErp.Workflows.Runtime.EntityConfigurations;

/// <summary>Incidents, append-only, listed per instance.</summary>
internal sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> builder)
    {
        builder.ToTable("WorkflowIncidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(Lengths.Id);
        builder.Property(i => i.InstanceId).HasMaxLength(Lengths.Id).IsRequired();
        builder.Property(i => i.ActivityId).HasMaxLength(Lengths.Id).IsRequired();
        builder.Property(i => i.ActivityNodeId).HasMaxLength(Lengths.Name);
        builder.Property(i => i.ActivityInstanceId).HasMaxLength(Lengths.Id);
        builder.Property(i => i.ActivityType).HasMaxLength(Lengths.Name);
        builder.Property(i => i.Message).IsRequired();
        builder.HasIndex(i => new { i.InstanceId, i.Timestamp });
    }
}

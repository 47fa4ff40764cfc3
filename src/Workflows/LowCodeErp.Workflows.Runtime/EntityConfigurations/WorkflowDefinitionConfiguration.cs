using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LowCodeErp.Workflows.Runtime.EntityConfigurations;

/// <summary>Definition versions: unique (definitionId, version), at most one published per definition, soft delete.</summary>
internal sealed class WorkflowDefinitionConfiguration(string publishedFilterSql) : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(Lengths.Id);
        builder.Property(d => d.DefinitionId).HasMaxLength(Lengths.Id).IsRequired();
        builder.Property(d => d.Name).HasMaxLength(Lengths.Name);
        builder.Property(d => d.Json).IsRequired();
        builder.Property(d => d.ContentHash).HasMaxLength(Lengths.Hash).IsRequired();
        builder.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        // Partial unique index (all three providers support one); the store also clears the previous published row first.
        builder.HasIndex(d => d.DefinitionId).IsUnique().HasFilter(publishedFilterSql).HasDatabaseName("IX_WorkflowDefinitions_DefinitionId_Published");
        builder.HasQueryFilter(d => !d.IsDeleted);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LowCodeErp.Rules.Persistence;

/// <summary>
/// The rules service's one model. Abstract with a subclass per provider, as the workflow runtime's context: EF keeps
/// migrations per context type. Its own history table lets it share a database with the runtime.
/// </summary>
public abstract class RulesDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Migrations history table (distinct from the runtime's in a shared database).</summary>
    public const string HistoryTable = "__RulesMigrationsHistory";

    /// <summary>Rule set versions.</summary>
    public DbSet<RuleSetVersionRecord> RuleSets => Set<RuleSetVersionRecord>();

    /// <summary>Recorded evaluations.</summary>
    public DbSet<RuleEvaluationRecord> Evaluations => Set<RuleEvaluationRecord>();

    /// <summary>The WHERE clause of the "one published version per name" index, in this provider's SQL.</summary>
    protected abstract string PublishedFilterSql { get; }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<RuleSetVersionRecord>(e =>
        {
            e.ToTable("RuleSetVersions");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(36);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.ContentHash).HasMaxLength(64);
            e.HasIndex(r => new { r.Name, r.Version }).IsUnique();
            e.HasIndex(r => r.Name).IsUnique().HasFilter(PublishedFilterSql).HasDatabaseName("IX_RuleSetVersions_Published");
        });
        modelBuilder.Entity<RuleEvaluationRecord>(e =>
        {
            e.ToTable("RuleEvaluations");
            e.HasKey(r => r.Id);
            e.Property(r => r.RuleSet).HasMaxLength(200);
            e.HasIndex(r => new { r.RuleSet, r.Id });
        });
    }
}

/// <summary>SQLite (the embedded default).</summary>
public sealed class SqliteRulesDbContext(DbContextOptions<SqliteRulesDbContext> options) : RulesDbContext(options)
{
    /// <inheritdoc />
    protected override string PublishedFilterSql => "\"IsPublished\" = 1";

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no date type; as a number (always UTC) timestamps can be ordered in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlRulesDbContext(DbContextOptions<PostgreSqlRulesDbContext> options) : RulesDbContext(options)
{
    /// <inheritdoc />
    protected override string PublishedFilterSql => "\"IsPublished\" = TRUE";
}

/// <summary>SQL Server.</summary>
public sealed class SqlServerRulesDbContext(DbContextOptions<SqlServerRulesDbContext> options) : RulesDbContext(options)
{
    /// <inheritdoc />
    protected override string PublishedFilterSql => "[IsPublished] = 1";
}

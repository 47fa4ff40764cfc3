using LowCodeErp.Workflows.Runtime.EntityConfigurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LowCodeErp.Workflows.Runtime.Persistence;

/// <summary>
/// The runtime's one model. It is abstract because EF keeps migrations per context type: each provider has a thin
/// subclass below with its own migrations folder (EF's "multiple context types" pattern), while stores only see this type.
/// </summary>
public abstract class WorkflowsDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Definition versions.</summary>
    public DbSet<WorkflowDefinitionRecord> Definitions => Set<WorkflowDefinitionRecord>();
    /// <summary>Instances.</summary>
    public DbSet<WorkflowInstanceRecord> Instances => Set<WorkflowInstanceRecord>();
    /// <summary>Open bookmarks.</summary>
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();
    /// <summary>Triggers of published versions.</summary>
    public DbSet<TriggerRecord> Triggers => Set<TriggerRecord>();
    /// <summary>Durable timers.</summary>
    public DbSet<TimerRecord> Timers => Set<TimerRecord>();
    /// <summary>Incidents.</summary>
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    /// <summary>Journal.</summary>
    public DbSet<JournalSegmentRecord> Journal => Set<JournalSegmentRecord>();
    /// <summary>Stimuli waiting for a bookmark.</summary>
    public DbSet<BookmarkQueueItemRecord> BookmarkQueue => Set<BookmarkQueueItemRecord>();

    /// <summary>The WHERE clause of the "one published version per definition" index, in this provider's SQL.</summary>
    protected abstract string PublishedFilterSql { get; }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new WorkflowDefinitionConfiguration(PublishedFilterSql));
        modelBuilder.ApplyConfiguration(new WorkflowInstanceConfiguration());
        modelBuilder.ApplyConfiguration(new BookmarkConfiguration());
        modelBuilder.ApplyConfiguration(new TriggerConfiguration());
        modelBuilder.ApplyConfiguration(new TimerConfiguration());
        modelBuilder.ApplyConfiguration(new IncidentConfiguration());
        modelBuilder.ApplyConfiguration(new JournalConfiguration());
        modelBuilder.ApplyConfiguration(new BookmarkQueueConfiguration());
    }
}

/// <summary>SQLite (the embedded default).</summary>
public sealed class SqliteWorkflowsDbContext(DbContextOptions<SqliteWorkflowsDbContext> options) : WorkflowsDbContext(options)
{
    /// <inheritdoc />
    protected override string PublishedFilterSql => "\"IsPublished\" = 1";

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no date type: EF stores DateTimeOffset as text and cannot compare or order it in SQL. As a
        // number (values are always UTC) due timers and paging can be queried on the server.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlWorkflowsDbContext(DbContextOptions<PostgreSqlWorkflowsDbContext> options) : WorkflowsDbContext(options)
{
    /// <inheritdoc />
    protected override string PublishedFilterSql => "\"IsPublished\" = TRUE";
}

/// <summary>SQL Server.</summary>
public sealed class SqlServerWorkflowsDbContext(DbContextOptions<SqlServerWorkflowsDbContext> options) : WorkflowsDbContext(options)
{
    /// <inheritdoc />
    protected override string PublishedFilterSql => "[IsPublished] = 1";
}

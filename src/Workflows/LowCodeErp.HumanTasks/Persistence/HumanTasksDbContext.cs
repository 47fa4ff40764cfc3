using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LowCodeErp.HumanTasks.Persistence;

/// <summary>
/// The task store's model. It lives in the workflows database (tasks are written in the instance's transaction) with
/// its own migrations history table; abstract with one subclass per provider, as the runtime's context.
/// </summary>
public abstract class HumanTasksDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The migrations history table of this module.</summary>
    public const string HistoryTable = "__HumanTasksMigrationsHistory";

    /// <summary>Tasks.</summary>
    public DbSet<HumanTaskRecord> Tasks => Set<HumanTaskRecord>();
    /// <summary>Candidate and excluded users and roles.</summary>
    public DbSet<TaskLinkRecord> Links => Set<TaskLinkRecord>();
    /// <summary>Variable values for filters.</summary>
    public DbSet<TaskVariableRecord> Variables => Set<TaskVariableRecord>();
    /// <summary>History.</summary>
    public DbSet<TaskHistoryRecord> History => Set<TaskHistoryRecord>();
    /// <summary>The candidate view's index (rows of unassigned tasks only).</summary>
    public DbSet<TaskCandidateRecord> Candidates => Set<TaskCandidateRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<HumanTaskRecord>(task =>
        {
            task.ToTable("HumanTasks");
            task.HasKey(t => t.Id);
            task.Property(t => t.Id).HasMaxLength(64);
            task.Property(t => t.InstanceId).HasMaxLength(64);
            task.Property(t => t.DefinitionId).HasMaxLength(256);
            task.Property(t => t.ActivityId).HasMaxLength(256);
            task.Property(t => t.BookmarkId).HasMaxLength(64);
            task.Property(t => t.GroupId).HasMaxLength(64);
            task.Property(t => t.BusinessKey).HasMaxLength(256);
            task.Property(t => t.Title).HasMaxLength(500);
            task.Property(t => t.Status).HasMaxLength(16);
            task.Property(t => t.Assignee).HasMaxLength(256);
            task.Property(t => t.Owner).HasMaxLength(256);
            task.Property(t => t.Outcome).HasMaxLength(256);
            task.Property(t => t.CompletedBy).HasMaxLength(256);
            task.Property(t => t.Version).IsConcurrencyToken();
            // The inbox's access paths: my open tasks by due date, open tasks by status, an instance's tasks, a group.
            task.HasIndex(t => new { t.Assignee, t.Status, t.DueAt });
            task.HasIndex(t => new { t.Status, t.DueAt });
            task.HasIndex(t => t.InstanceId);
            task.HasIndex(t => t.GroupId);
            // "mine" is assignee OR owner: an index on each lets PostgreSQL combine them (bitmap OR) instead of scanning.
            task.HasIndex(t => new { t.Owner, t.Status });
            task.HasIndex(t => t.CompletedBy);
            task.HasIndex(t => t.BusinessKey);
        });
        modelBuilder.Entity<TaskLinkRecord>(link =>
        {
            link.ToTable("HumanTaskLinks");
            link.HasKey(l => new { l.TaskId, l.Kind, l.Name });
            link.Property(l => l.TaskId).HasMaxLength(64);
            link.Property(l => l.Kind).HasMaxLength(1);
            link.Property(l => l.Name).HasMaxLength(256);
            link.HasIndex(l => new { l.Kind, l.Name, l.TaskId });
        });
        modelBuilder.Entity<TaskVariableRecord>(variable =>
        {
            variable.ToTable("HumanTaskVariables");
            variable.HasKey(v => new { v.TaskId, v.Name });
            variable.Property(v => v.TaskId).HasMaxLength(64);
            variable.Property(v => v.Name).HasMaxLength(256);
            variable.Property(v => v.Value).HasMaxLength(450);
            variable.HasIndex(v => new { v.Name, v.Value });
        });
        modelBuilder.Entity<TaskCandidateRecord>(candidate =>
        {
            candidate.ToTable("HumanTaskCandidates");
            candidate.HasKey(c => new { c.TaskId, c.Kind, c.Name });
            candidate.Property(c => c.TaskId).HasMaxLength(64);
            candidate.Property(c => c.Kind).HasMaxLength(1);
            candidate.Property(c => c.Name).HasMaxLength(256);
            candidate.Property(c => c.DefinitionId).HasMaxLength(256);
            // One index per sort order the inbox offers by default: read in order, stop after a page. The task id
            // is the final tie-breaker of every sort; the definition id rides along so its filter needs no table read.
            candidate.HasIndex(c => new { c.Kind, c.Name, c.Priority, c.CreatedAt, c.TaskId, c.DefinitionId }, "IX_HumanTaskCandidates_Priority")
                .IsDescending(false, false, true, false, false, false);
            candidate.HasIndex(c => new { c.Kind, c.Name, c.DueOrder, c.TaskId, c.DefinitionId }, "IX_HumanTaskCandidates_DueOrder");
        });
        modelBuilder.Entity<TaskHistoryRecord>(history =>
        {
            history.ToTable("HumanTaskHistory");
            history.HasKey(h => h.Id);
            history.Property(h => h.TaskId).HasMaxLength(64);
            history.Property(h => h.Action).HasMaxLength(32);
            history.Property(h => h.UserName).HasMaxLength(256);
            history.HasIndex(h => new { h.TaskId, h.Id });
            history.HasIndex(h => h.UserName);
        });
    }
}

/// <summary>SQLite.</summary>
public sealed class SqliteHumanTasksDbContext(DbContextOptions<SqliteHumanTasksDbContext> options) : HumanTasksDbContext(options)
{
    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // As the runtime: SQLite cannot compare DateTimeOffset text, so it is stored as a sortable number (always UTC).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL: text search through trigram indexes (pg_trgm ships with PostgreSQL's contrib, a trusted extension).</summary>
public sealed class PostgreSqlHumanTasksDbContext(DbContextOptions<PostgreSqlHumanTasksDbContext> options) : HumanTasksDbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("pg_trgm");
        // ILIKE '%text%' (the inbox's substring search) uses these; a B-tree cannot serve a leading wildcard.
        modelBuilder.Entity<HumanTaskRecord>(task =>
        {
            task.HasIndex(t => t.Title, "IX_HumanTasks_Title_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
            task.HasIndex(t => t.Description, "IX_HumanTasks_Description_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
            task.HasIndex(t => t.BusinessKey, "IX_HumanTasks_BusinessKey_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        });
    }
}

/// <summary>SQL Server.</summary>
public sealed class SqlServerHumanTasksDbContext(DbContextOptions<SqlServerHumanTasksDbContext> options) : HumanTasksDbContext(options);

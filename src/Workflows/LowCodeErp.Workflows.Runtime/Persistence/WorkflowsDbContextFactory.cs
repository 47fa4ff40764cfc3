using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace LowCodeErp.Workflows.Runtime.Persistence;

/// <summary>
/// Creates short-lived contexts of the configured provider's subclass. Stores are singletons (the engine's definition
/// provider is one) and open one context per operation, which also keeps every save its own unit of work. Contexts come
/// from EF's pool: a start or resume opens several, and a fresh context costs a service scope and its dependencies.
/// </summary>
public sealed class WorkflowsDbContextFactory : IDbContextFactory<WorkflowsDbContext>
{
    private readonly Func<WorkflowsDbContext> _create;

    /// <summary>Builds the provider options once.</summary>
    public WorkflowsDbContextFactory(WorkflowsDatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Provider = options.Provider;
        _create = options.Provider switch
        {
            WorkflowsDatabaseProvider.Sqlite => Sqlite(options.ConnectionString),
            WorkflowsDatabaseProvider.PostgreSql => PostgreSql(options.ConnectionString),
            WorkflowsDatabaseProvider.SqlServer => SqlServer(options.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown provider."),
        };
    }

    /// <summary>The provider in use.</summary>
    public WorkflowsDatabaseProvider Provider { get; }

    /// <inheritdoc />
    public WorkflowsDbContext CreateDbContext() => _create();

    /// <summary>Applies pending migrations (the provider's own set).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (Provider == WorkflowsDatabaseProvider.Sqlite)
        {
            await using var probe = CreateDbContext();
            // SQLite will not create the folder of its file.
            var file = new SqliteConnectionStringBuilder(probe.Database.GetConnectionString()).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var db = CreateDbContext();
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Migrations the database lacks, for tools that must not change the schema (the export verb). A SQLite file that does
    /// not exist lacks them all and is not created by asking.
    /// </summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = CreateDbContext();
        if (Provider == WorkflowsDatabaseProvider.Sqlite
            && new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) is { Mode: not SqliteOpenMode.Memory, DataSource: var file }
            && file != ":memory:" && !File.Exists(file))
        {
            return [.. db.Database.GetMigrations()];
        }

        return [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
    }

    internal static Func<WorkflowsDbContext> Sqlite(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqliteWorkflowsDbContext>().UseSqlite(connectionString)
            .AddInterceptors(SqliteSynchronousInterceptor.Instance).Options;
        var pool = new PooledDbContextFactory<SqliteWorkflowsDbContext>(options);
        return pool.CreateDbContext;
    }

    internal static Func<WorkflowsDbContext> PostgreSql(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlWorkflowsDbContext>().UseNpgsql(connectionString).Options;
        var pool = new PooledDbContextFactory<PostgreSqlWorkflowsDbContext>(options);
        return pool.CreateDbContext;
    }

    internal static Func<WorkflowsDbContext> SqlServer(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqlServerWorkflowsDbContext>().UseSqlServer(connectionString).Options;
        var pool = new PooledDbContextFactory<SqlServerWorkflowsDbContext>(options);
        return pool.CreateDbContext;
    }
}

using System.Data.Common;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.HumanTasks.Persistence;

/// <summary>
/// Contexts of the workflows database's provider: standalone ones for the API and ones that join a burst's open
/// connection and transaction, so task rows commit with the instance state.
/// </summary>
public sealed class HumanTasksDbContextFactory(WorkflowsDatabaseOptions database)
{
    /// <summary>The provider in use.</summary>
    public WorkflowsDatabaseProvider Provider => database.Provider;

    /// <summary>A context with its own connection.</summary>
    public HumanTasksDbContext CreateDbContext() => Create(database.Provider, database.ConnectionString, connection: null);

    /// <summary>A context on an open connection, enlisted in <paramref name="transaction"/>.</summary>
    public HumanTasksDbContext Join(DbConnection connection, DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var db = Create(database.Provider, database.ConnectionString, connection);
        db.Database.UseTransaction(transaction);
        db.Database.AutoSavepointsEnabled = false;
        return db;
    }

    /// <summary>Applies this module's pending migrations (after the runtime's own).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync(cancellationToken);
    }

    internal static HumanTasksDbContext Create(WorkflowsDatabaseProvider provider, string connectionString, DbConnection? connection) => provider switch
    {
        WorkflowsDatabaseProvider.Sqlite => new SqliteHumanTasksDbContext(Sqlite(connectionString, connection)),
        WorkflowsDatabaseProvider.PostgreSql => new PostgreSqlHumanTasksDbContext(PostgreSql(connectionString, connection)),
        WorkflowsDatabaseProvider.SqlServer => new SqlServerHumanTasksDbContext(SqlServer(connectionString, connection)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
    };

    // Each provider extension takes either a connection string or a connection; a joined context must use the connection.
    private static DbContextOptions<SqliteHumanTasksDbContext> Sqlite(string connectionString, DbConnection? connection)
    {
        var builder = new DbContextOptionsBuilder<SqliteHumanTasksDbContext>();
        _ = connection is null
            ? builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable(HumanTasksDbContext.HistoryTable))
            : builder.UseSqlite(connection, o => o.MigrationsHistoryTable(HumanTasksDbContext.HistoryTable));
        return builder.Options;
    }

    private static DbContextOptions<PostgreSqlHumanTasksDbContext> PostgreSql(string connectionString, DbConnection? connection)
    {
        var builder = new DbContextOptionsBuilder<PostgreSqlHumanTasksDbContext>();
        _ = connection is null
            ? builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(HumanTasksDbContext.HistoryTable))
            : builder.UseNpgsql(connection, o => o.MigrationsHistoryTable(HumanTasksDbContext.HistoryTable));
        return builder.Options;
    }

    private static DbContextOptions<SqlServerHumanTasksDbContext> SqlServer(string connectionString, DbConnection? connection)
    {
        var builder = new DbContextOptionsBuilder<SqlServerHumanTasksDbContext>();
        _ = connection is null
            ? builder.UseSqlServer(connectionString, o => o.MigrationsHistoryTable(HumanTasksDbContext.HistoryTable))
            : builder.UseSqlServer(connection, o => o.MigrationsHistoryTable(HumanTasksDbContext.HistoryTable));
        return builder.Options;
    }
}

using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Rules.Persistence;

/// <summary>
/// Creates contexts of the configured provider's subclass (one per operation, as the runtime's stores do) and applies
/// the rules migrations. The database settings are the runtime's <see cref="WorkflowsDatabaseOptions"/> type; the
/// embedded server passes <c>ConnectionStrings:Rules</c> or, without it, the runtime's database.
/// </summary>
public sealed class RulesDatabase : IDbContextFactory<RulesDbContext>
{
    private readonly Func<RulesDbContext> _create;

    /// <summary>Builds the provider options once.</summary>
    public RulesDatabase(WorkflowsDatabaseOptions options)
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
    public RulesDbContext CreateDbContext() => _create();

    /// <summary>Applies pending migrations (the provider's own set).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = CreateDbContext();
        if (Provider == WorkflowsDatabaseProvider.Sqlite &&
            Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource)) is { } folder)
        {
            // SQLite will not create the folder of its file.
            Directory.CreateDirectory(folder);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    internal static Func<RulesDbContext> Sqlite(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqliteRulesDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(RulesDbContext.HistoryTable)).Options;
        return () => new SqliteRulesDbContext(options);
    }

    internal static Func<RulesDbContext> PostgreSql(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlRulesDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(RulesDbContext.HistoryTable)).Options;
        return () => new PostgreSqlRulesDbContext(options);
    }

    internal static Func<RulesDbContext> SqlServer(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqlServerRulesDbContext>()
            .UseSqlServer(connectionString, o => o.MigrationsHistoryTable(RulesDbContext.HistoryTable)).Options;
        return () => new SqlServerRulesDbContext(options);
    }
}

using Microsoft.EntityFrameworkCore.Design;

namespace LowCodeErp.Rules.Persistence;

// Used only by `dotnet ef` (one per provider context). Generating a migration needs no server; ERP_RULES_CONNECTION
// supplies the connection string when a command such as `database update` really connects.

/// <summary>Design-time SQLite context.</summary>
public sealed class SqliteRulesDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRulesDbContext>
{
    /// <inheritdoc />
    public SqliteRulesDbContext CreateDbContext(string[] args) =>
        (SqliteRulesDbContext)RulesDatabase.Sqlite(Connection("Data Source=data/workflows.db"))();

    internal static string Connection(string fallback) => Environment.GetEnvironmentVariable("ERP_RULES_CONNECTION") ?? fallback;
}

/// <summary>Design-time PostgreSQL context.</summary>
public sealed class PostgreSqlRulesDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlRulesDbContext>
{
    /// <inheritdoc />
    public PostgreSqlRulesDbContext CreateDbContext(string[] args) =>
        (PostgreSqlRulesDbContext)RulesDatabase.PostgreSql(
            SqliteRulesDesignTimeFactory.Connection("Host=127.0.0.1;Port=55432;Username=postgres;Database=workflows"))();
}

/// <summary>Design-time SQL Server context.</summary>
public sealed class SqlServerRulesDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRulesDbContext>
{
    /// <inheritdoc />
    public SqlServerRulesDbContext CreateDbContext(string[] args) =>
        (SqlServerRulesDbContext)RulesDatabase.SqlServer(
            SqliteRulesDesignTimeFactory.Connection("Server=localhost;Database=Workflows;Integrated Security=true;TrustServerCertificate=true"))();
}

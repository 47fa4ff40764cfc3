using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace LowCodeErp.HumanTasks.Persistence;

// Used only by `dotnet ef` (one per provider context); generating a migration needs no server.

/// <summary>Design-time SQLite context.</summary>
public sealed class SqliteHumanTasksDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHumanTasksDbContext>
{
    /// <inheritdoc />
    public SqliteHumanTasksDbContext CreateDbContext(string[] args) => (SqliteHumanTasksDbContext)HumanTasksDbContextFactory.Create(
        WorkflowsDatabaseProvider.Sqlite, WorkflowsDatabaseOptions.DefaultSqliteConnectionString, connection: null);
}

/// <summary>Design-time PostgreSQL context.</summary>
public sealed class PostgreSqlHumanTasksDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlHumanTasksDbContext>
{
    /// <inheritdoc />
    public PostgreSqlHumanTasksDbContext CreateDbContext(string[] args) => (PostgreSqlHumanTasksDbContext)HumanTasksDbContextFactory.Create(
        WorkflowsDatabaseProvider.PostgreSql, "Host=127.0.0.1;Username=postgres;Database=workflows", connection: null);
}

/// <summary>Design-time SQL Server context.</summary>
public sealed class SqlServerHumanTasksDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerHumanTasksDbContext>
{
    /// <inheritdoc />
    public SqlServerHumanTasksDbContext CreateDbContext(string[] args) => (SqlServerHumanTasksDbContext)HumanTasksDbContextFactory.Create(
        WorkflowsDatabaseProvider.SqlServer, "Server=localhost;Database=Workflows;Integrated Security=true;TrustServerCertificate=true", connection: null);
}

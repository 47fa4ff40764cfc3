using Microsoft.EntityFrameworkCore.Design;

namespace LowCodeErp.Workflows.Runtime.Persistence;

// Used only by `dotnet ef` (one per provider context). Generating a migration needs no server; the connection string
// comes from ERP_WORKFLOWS_CONNECTION when a command such as `database update` really connects.

/// <summary>Design-time SQLite context.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkflowsDbContext>
{
    /// <inheritdoc />
    public SqliteWorkflowsDbContext CreateDbContext(string[] args) =>
        (SqliteWorkflowsDbContext)WorkflowsDbContextFactory.Sqlite(Connection(WorkflowsDatabaseOptions.DefaultSqliteConnectionString))();

    internal static string Connection(string fallback) => Environment.GetEnvironmentVariable("ERP_WORKFLOWS_CONNECTION") ?? fallback;
}

/// <summary>Design-time PostgreSQL context.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlWorkflowsDbContext>
{
    /// <inheritdoc />
    public PostgreSqlWorkflowsDbContext CreateDbContext(string[] args) =>
        (PostgreSqlWorkflowsDbContext)WorkflowsDbContextFactory.PostgreSql(
            SqliteDesignTimeFactory.Connection("Host=127.0.0.1;Port=55432;Username=postgres;Database=workflows"))();
}

/// <summary>Design-time SQL Server context.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerWorkflowsDbContext>
{
    /// <inheritdoc />
    public SqlServerWorkflowsDbContext CreateDbContext(string[] args) =>
        (SqlServerWorkflowsDbContext)WorkflowsDbContextFactory.SqlServer(
            SqliteDesignTimeFactory.Connection("Server=localhost;Database=Workflows;Integrated Security=true;TrustServerCertificate=true"))();
}

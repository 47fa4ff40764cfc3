using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LowCodeErp.Workflows.Runtime.Tests.Infrastructure;

/// <summary>A class fixture that hands each test a database (options) of one provider.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    /// <summary>A database for one test, already created but not migrated.</summary>
    public abstract WorkflowsDatabaseOptions NewDatabase();

    /// <inheritdoc />
    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A temporary SQLite file per test, deleted with the fixture.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("erp-wf-tests-").FullName;

    /// <inheritdoc />
    public override WorkflowsDatabaseOptions NewDatabase() => new()
    {
        Provider = WorkflowsDatabaseProvider.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db")}",
    };

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools(); // pooled connections keep the files open
        Directory.Delete(_folder, recursive: true);
        return base.DisposeAsync();
    }
}

/// <summary>
/// A unique PostgreSQL database per test class (created from <c>ERP_TEST_POSTGRES</c>, dropped afterwards). Tests in a
/// class share it, so they use unique definition and instance ids.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _name = "erp_wf_" + Guid.NewGuid().ToString("N");
    private string? _connectionString;

    /// <inheritdoc />
    public override WorkflowsDatabaseOptions NewDatabase()
    {
        _ = PostgresRequirement.ConnectionString();
        return new WorkflowsDatabaseOptions { Provider = WorkflowsDatabaseProvider.PostgreSql, ConnectionString = _connectionString! };
    }

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        // Without the variable, nothing is created here; each test then skips (or fails in CI) through NewDatabase.
        if (PostgresRequirement.Configured is not { } server)
        {
            return;
        }

        await ExecuteAsync(server, $"CREATE DATABASE \"{_name}\"");
        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (_connectionString is not null && PostgresRequirement.Configured is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        }

        await base.DisposeAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

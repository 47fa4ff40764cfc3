using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LowCodeErp.HumanTasks.Tests.Infrastructure;

/// <summary>A class fixture that hands each test a fresh database (options) of one provider.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    /// <summary>A new empty database for one test, not migrated yet.</summary>
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
    private readonly string _folder = Directory.CreateTempSubdirectory("erp-tasks-tests-").FullName;

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
/// A PostgreSQL database per test (inbox views see every task of a database, so tests must not share one), created
/// from <c>ERP_TEST_POSTGRES</c> and dropped with the fixture. Without the variable a test skips (or fails in CI).
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly List<string> _created = [];

    /// <inheritdoc />
    public override WorkflowsDatabaseOptions NewDatabase()
    {
        var server = PostgresRequirement.ConnectionString();
        var name = "erp_tasks_" + Guid.NewGuid().ToString("N");
        Execute(server, $"CREATE DATABASE \"{name}\"");
        lock (_created)
        {
            _created.Add(name);
        }

        return new WorkflowsDatabaseOptions
        {
            Provider = WorkflowsDatabaseProvider.PostgreSql,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
        };
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        if (PostgresRequirement.Configured is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var name in _created)
            {
                Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }

        return base.DisposeAsync();
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

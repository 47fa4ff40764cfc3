using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LowCodeErp.Messaging.Tests.Infrastructure;

/// <summary>A class fixture that hands each test a fresh database of one provider.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    public abstract string Provider { get; }

    /// <summary>Configures a DbContext for a new, empty database (one per call).</summary>
    public abstract Action<DbContextOptionsBuilder> NewDatabase();

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A temporary SQLite file per database, deleted with the fixture.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("erp-msg-tests-").FullName;

    public override string Provider => "SQLite";

    public override Action<DbContextOptionsBuilder> NewDatabase()
    {
        var file = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        // Busy timeout: two relays of the multi-replica test write the same file.
        return o => o.UseSqlite($"Data Source={file};Default Timeout=30");
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools(); // pooled connections keep the files open
        Directory.Delete(_folder, recursive: true);
        return base.DisposeAsync();
    }
}

/// <summary>PostgreSQL databases created from ERP_TEST_POSTGRES, dropped with the fixture.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly List<string> _created = [];

    public override string Provider => "PostgreSQL";

    public override Action<DbContextOptionsBuilder> NewDatabase()
    {
        var server = ServiceRequirement.Require(ServiceRequirement.Postgres);
        var name = "erp_msg_" + Guid.NewGuid().ToString("N");
        Execute(server, $"CREATE DATABASE \"{name}\"");
        lock (_created)
        {
            _created.Add(name);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return o => o.UseNpgsql(connectionString);
    }

    public override ValueTask DisposeAsync()
    {
        if (ServiceRequirement.Configured(ServiceRequirement.Postgres) is { } server)
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

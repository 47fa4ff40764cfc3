using System.Data.Common;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LowCodeErp.Workflows.Runtime.Stores.Writing;

/// <summary>
/// The database side of one writer loop: a connection it keeps open (with its reused commands) and the ADO.NET code
/// that writes a batch of instance saves in one transaction. EF is bypassed here because the hot path only inserts and
/// updates known rows: change tracking, command generation and a context per batch cost more than the SQL itself. After
/// any failure other than a lost race the connection is dropped and the next batch opens a fresh one.
/// </summary>
internal sealed class WriterSession(WorkflowsDatabaseOptions database, Func<WriteStatements> statements) : IAsyncDisposable
{
    private readonly Dictionary<Statement, DbCommand> _commands = [];
    private DbConnection? _connection;

    /// <summary>Writes the units in one transaction; throws (having rolled back) when any of them fails.</summary>
    public async Task WriteAsync(IReadOnlyList<InstanceWrite> batch)
    {
        var sql = statements();
        var connection = await ConnectAsync().ConfigureAwait(false);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            // Npgsql sends a DbBatch in one round trip; SQLite runs in-process, where reused compiled statements win.
            if (database.Provider == WorkflowsDatabaseProvider.PostgreSql)
            {
                await using var runner = new BatchRunner(connection, transaction);
                await WriteAllAsync(runner, sql, batch, connection, transaction).ConfigureAwait(false);
            }
            else
            {
                await WriteAllAsync(new CommandRunner(connection, transaction, _commands,
                    reuseParameters: database.Provider == WorkflowsDatabaseProvider.Sqlite), sql, batch, connection, transaction).ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (StaleWriteException)
        {
            throw; // a lost race says nothing about the connection
        }
        catch
        {
            await ResetAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => ResetAsync();

    private static async Task WriteAllAsync(StatementRunner runner, WriteStatements sql, IReadOnlyList<InstanceWrite> batch, DbConnection connection, DbTransaction transaction)
    {
        foreach (var write in batch)
        {
            await WriteUnitAsync(runner, sql, write, connection, transaction).ConfigureAwait(false);
        }

        await runner.FlushAsync().ConfigureAwait(false);
    }

    private static async Task WriteUnitAsync(StatementRunner runner, WriteStatements sql, InstanceWrite write, DbConnection connection, DbTransaction transaction)
    {
        await WriteOneAsync(runner, sql, write).ConfigureAwait(false);
        if (write.AlsoWrite is { } alsoWrite)
        {
            // Modules read and write through the connection themselves: everything before must have reached it.
            await runner.FlushAsync().ConfigureAwait(false);
            await alsoWrite(connection, transaction, CancellationToken.None).ConfigureAwait(false);
        }

        foreach (var child in write.Children)
        {
            await WriteUnitAsync(runner, sql, child, connection, transaction).ConfigureAwait(false);
        }
    }

    private static async Task WriteOneAsync(StatementRunner runner, WriteStatements sql, InstanceWrite write)
    {
        var row = write.Row;
        if (write.ExpectedStamp is { } expected)
        {
            await runner.RunAsync(sql.DeleteBookmarks, [row.Id]).ConfigureAwait(false);
            await runner.RunAsync(sql.UpdateInstance, sql.UpdateValues(row, expected), mustMatchOneRowOf: write).ConfigureAwait(false);
        }
        else
        {
            await runner.RunAsync(sql.InsertInstance, write.InsertValues ?? sql.InstanceValues(row), converted: write.InsertValues is not null).ConfigureAwait(false);
        }

        foreach (var bookmark in write.Bookmarks)
        {
            await runner.RunAsync(sql.InsertBookmark, sql.BookmarkValues(bookmark)).ConfigureAwait(false);
        }

        foreach (var timerId in write.StaleTimerIds)
        {
            await runner.RunAsync(sql.DeleteTimer, [timerId]).ConfigureAwait(false);
        }

        foreach (var timer in write.NewTimers)
        {
            await runner.RunAsync(sql.InsertTimer, sql.TimerValues(timer)).ConfigureAwait(false);
        }

        foreach (var incident in write.NewIncidents)
        {
            await runner.RunAsync(sql.InsertIncident, sql.IncidentValues(incident)).ConfigureAwait(false);
        }

        if (write.JournalSegment is { } segment)
        {
            await runner.RunAsync(sql.InsertJournal, sql.JournalValues(segment)).ConfigureAwait(false);
        }
    }

    private async Task<DbConnection> ConnectAsync()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        DbConnection connection = database.Provider switch
        {
            WorkflowsDatabaseProvider.Sqlite => new SqliteConnection(database.ConnectionString),
            WorkflowsDatabaseProvider.PostgreSql => new NpgsqlConnection(database.ConnectionString),
            _ => new SqlConnection(database.ConnectionString),
        };
        try
        {
            await connection.OpenAsync().ConfigureAwait(false);
            if (database.Provider == WorkflowsDatabaseProvider.Sqlite)
            {
                // What EF does on every SQLite connection it opens (foreign keys), plus the runtime's durability level.
                // The writer also keeps 64 MB of pages cached and reads the file through a memory map: inserts descend
                // the same index pages again and again, and a page read without a system call is much cheaper here.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA foreign_keys = 1; " + SqliteSynchronousInterceptor.Pragma +
                                     $"PRAGMA wal_autocheckpoint={SqliteCheckpointer.WriterAutoCheckpointPages}; PRAGMA cache_size=-65536; PRAGMA mmap_size=1073741824;";
                await pragma.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _connection = connection;
        return connection;
    }

    private async ValueTask ResetAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}

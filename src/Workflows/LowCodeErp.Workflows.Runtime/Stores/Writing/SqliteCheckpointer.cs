using System.Threading.Channels;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Workflows.Runtime.Stores.Writing;

/// <summary>
/// Copies the SQLite write-ahead log into the database file on a connection and thread of its own. Left to SQLite, the
/// checkpoint runs inside the commit that crosses the WAL's size limit, on the writer loop: reading the frames back,
/// writing the pages and two fsyncs then stall every save queued behind it, and SQLite allows only that one writer. A
/// PASSIVE checkpoint here runs next to the writer (SQLite lets one checkpointer and one writer work at the same time),
/// so the second core does it. The writer keeps SQLite's automatic checkpoint with a larger limit
/// (<see cref="WriterAutoCheckpointPages"/>) as a backstop, so the log stays bounded even if this loop falls behind.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>The writer's own automatic checkpoint, only reached when this loop falls behind (pages of the WAL).</summary>
    internal const int WriterAutoCheckpointPages = 10_000;

    /// <summary>Committed saves between two checkpoints: a few pages each, so about as often as SQLite's default of 1,000
    /// pages. Each checkpoint fsyncs twice; much more often would cost a sequential caller (one save per commit) latency.</summary>
    internal const int SavesPerCheckpoint = 256;

    private readonly Channel<bool> _commits = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private int _saves;

    public SqliteCheckpointer(string connectionString, ILogger logger)
    {
        _connectionString = connectionString;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>A transaction with <paramref name="saves"/> saves committed (called by the one writer loop only).</summary>
    public void Committed(int saves)
    {
        _saves += saves;
        if (_saves >= SavesPerCheckpoint)
        {
            _saves = 0;
            _commits.Writer.TryWrite(true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _commits.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        SqliteConnection? connection = null;
        try
        {
            while (await _commits.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                _commits.Reader.TryRead(out _);
                try
                {
                    connection ??= await OpenAsync().ConfigureAwait(false);
                    await using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    await checkpoint.ExecuteNonQueryAsync().ConfigureAwait(false);
                }
                catch (SqliteException exception)
                {
                    // Harmless for durability (the frames stay in the log, the writer's backstop checkpoints them): retry
                    // on a fresh connection with the next commit.
                    _logger.LogWarning(exception, "Background WAL checkpoint failed; the writer's automatic checkpoint covers it");
                    if (connection is not null)
                    {
                        await connection.DisposeAsync().ConfigureAwait(false);
                        connection = null;
                    }
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync().ConfigureAwait(false);
            // The checkpointing connection's level decides its fsyncs: the same as the writer's.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = SqliteSynchronousInterceptor.Pragma;
            await pragma.ExecuteNonQueryAsync().ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

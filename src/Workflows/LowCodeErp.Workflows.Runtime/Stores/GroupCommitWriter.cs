using System.Diagnostics.Metrics;
using System.Threading.Channels;
using System.Data.Common;
using System.Diagnostics;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Stores.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>
/// Group commit for instance saves. Concurrent saves queue up while a transaction is in flight and the next transaction
/// takes all of them (up to <see cref="MaxBatch"/>), so a busy node pays one commit (and, on SQLite, one WAL sync) for
/// many bursts instead of one each. A caller's save is durable when its task completes, exactly as with a transaction
/// of its own. The rows go through ADO.NET (<see cref="WriterSession"/>), not EF's SaveChanges. When a batch fails it is
/// rolled back: a unit that lost its optimistic-concurrency race fails alone and the others are retried together; any
/// other failure (a constraint) retries the units one by one, so only the offending unit fails. SQLite allows one writer, so it gets one writer loop; server databases get
/// one per core.
/// </summary>
public sealed class GroupCommitWriter : IAsyncDisposable
{
    internal const int MaxBatch = 256;

    /// <summary>The runtime's meter (OpenTelemetry: add it by name).</summary>
    public const string MeterName = "LowCodeErp.Workflows.Runtime";
    private static readonly Meter Meter = new(MeterName);
    // How many saves share a transaction: near 1 means the node is idle or latency-bound, large means group commit works.
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("erp.workflows.save_batch.size", "{save}",
        "Instance saves committed in one transaction.");
    // Time a batch's transaction takes (statements + commit): with the batch size, what each save costs the database.
    private static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>("erp.workflows.save_batch.duration", "ms",
        "Duration of one batch transaction (statements and commit).");
    private static readonly Counter<long> SplitBatches = Meter.CreateCounter<long>("erp.workflows.save_batch.splits", "{batch}",
        "Batches rolled back and retried one save at a time because one of them failed.");
    private readonly IDbContextFactory<WorkflowsDbContext> _contexts;
    private readonly ILogger _logger;
    private readonly Channel<InstanceWrite> _queue = Channel.CreateUnbounded<InstanceWrite>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Task[] _writers;
    private readonly WriterSession[] _sessions;
    private readonly Func<WriterSession> _newSession;
    private readonly SqliteCheckpointer? _checkpointer;
    // SQLite stores the state's and the journal's UTF-8 bytes as they are, and its one writer gets the row's values
    // already converted; the other providers bind text and convert on their several writers.
    private readonly bool _sqlite;
    private readonly Lazy<WriteStatements> _statements;

    /// <summary>Starts the writer loops.</summary>
    public GroupCommitWriter(IDbContextFactory<WorkflowsDbContext> contexts, WorkflowsDatabaseOptions database, ILogger<GroupCommitWriter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _contexts = contexts;
        _logger = logger ?? NullLogger<GroupCommitWriter>.Instance;
        _sqlite = database.Provider == WorkflowsDatabaseProvider.Sqlite;
        // Built from the provider's EF model (about 0.1-0.2 s the first time), in the background right away so the first
        // save does not pay for it. PublicationOnly: a failure is not cached, the next save simply tries again.
        var statements = _statements = new Lazy<WriteStatements>(() =>
        {
            using var db = contexts.CreateDbContext();
            return WriteStatements.Create(db, positional: database.Provider == WorkflowsDatabaseProvider.PostgreSql, utf8Text: _sqlite);
        }, LazyThreadSafetyMode.PublicationOnly);
        _ = Task.Run(() => statements.Value).ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        var writers = database.Provider == WorkflowsDatabaseProvider.Sqlite ? 1 : Math.Max(2, Environment.ProcessorCount);
        _checkpointer = database.Provider == WorkflowsDatabaseProvider.Sqlite ? new SqliteCheckpointer(database.ConnectionString, _logger) : null;
        _newSession = () => new WriterSession(database, () => statements.Value);
        _sessions = [.. Enumerable.Range(0, writers).Select(_ => _newSession())];
        _writers = [.. _sessions.Select(session => Task.Run(() => RunAsync(session)))];
    }

    /// <summary>Queues a unit; the returned task completes when it is committed (cancellation is not observed once queued:
    /// a caller must never believe a save failed that may still commit).</summary>
    internal Task WriteAsync(InstanceWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        PrepareOnCaller(write);

        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "The runtime is shutting down; the save was not queued.");
        }

        return write.Completion;
    }

    /// <summary>
    /// Work for the saving caller's thread, so the writer only moves rows: server providers get the journal as text;
    /// SQLite's single writer — the ceiling of a busy node's throughput — gets a new row's values read, converted to
    /// what the provider stores and the state JSON as UTF-8 bytes.
    /// </summary>
    private void PrepareOnCaller(InstanceWrite write)
    {
        if (!_sqlite)
        {
            write.JournalSegment?.MakeText();
        }
        else if (write.ExpectedStamp is null)
        {
            write.InsertValues = _statements.Value.ConvertedInsertValues(write.Row);
        }

        foreach (var child in write.Children)
        {
            PrepareOnCaller(child);
        }
    }

    /// <summary>Lets queued saves finish, then stops the writers.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers).ConfigureAwait(false);
        foreach (var session in _sessions)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        if (_checkpointer is not null)
        {
            await _checkpointer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task RunAsync(WriterSession session)
    {
        var batch = new List<InstanceWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(session, batch).ConfigureAwait(false);
                _checkpointer?.Committed(batch.Count);
                batch.Clear();
            }
        }
    }

    /// <summary>Commits <paramref name="batch"/> as one batch on a session of its own (tests compose batches with it).</summary>
    internal async Task CommitAsync(List<InstanceWrite> batch)
    {
        batch.ForEach(PrepareOnCaller);

        await using var session = _newSession();
        await CommitAsync(session, batch).ConfigureAwait(false);
    }

    /// <summary>
    /// Commits the batch; when it fails, only the failing units fail: a unit that lost its race is failed and the rest
    /// retried together, any other failure retries every unit in a transaction of its own.
    /// </summary>
    internal async Task CommitAsync(WriterSession session, List<InstanceWrite> batch)
    {
        var pending = new List<InstanceWrite>(batch);
        while (pending.Count > 0)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                await session.WriteAsync(pending).ConfigureAwait(false);
                BatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                BatchSize.Record(pending.Count);
                pending.ForEach(w => w.Succeed());
                return;
            }
            catch (StaleWriteException stale) when (pending.Count > 1)
            {
                SplitBatches.Add(1);
                stale.Write.Fail(ConcurrencyConflictException.ForInstance(stale.Write.Row.Id, stale));
                pending.Remove(stale.Write);
            }
            catch (Exception exception) when (pending.Count > 1)
            {
                SplitBatches.Add(1);
                _logger.LogDebug(exception, "A batch of {Count} instance saves failed; retrying them one by one", pending.Count);
                break;
            }
            catch (Exception exception)
            {
                pending[0].Fail(await ExplainAsync(pending[0], exception).ConfigureAwait(false));
                return;
            }
        }

        foreach (var write in pending)
        {
            try
            {
                await session.WriteAsync([write]).ConfigureAwait(false);
                write.Succeed();
            }
            catch (Exception exception)
            {
                write.Fail(await ExplainAsync(write, exception).ConfigureAwait(false));
            }
        }
    }

    /// <summary>Turns a failed unit's exception into what callers expect: a lost race is a <see cref="ConcurrencyConflictException"/>.</summary>
    private async Task<Exception> ExplainAsync(InstanceWrite write, Exception exception)
    {
        if (exception is StaleWriteException)
        {
            return ConcurrencyConflictException.ForInstance(write.Row.Id, exception);
        }

        if (write.ExpectedStamp is null && exception is DbException)
        {
            // An insert that failed because the instance exists already: somebody else created it first.
            await using var db = await _contexts.CreateDbContextAsync().ConfigureAwait(false);
            if (await db.Instances.AnyAsync(i => i.Id == write.Row.Id).ConfigureAwait(false))
            {
                return ConcurrencyConflictException.ForInstance(write.Row.Id, exception);
            }
        }

        return exception;
    }
}

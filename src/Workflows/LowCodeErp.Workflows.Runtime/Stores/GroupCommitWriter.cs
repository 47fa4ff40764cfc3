using System.Diagnostics.Metrics;
using System.Threading.Channels;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>
/// Group commit for instance saves. Concurrent saves queue up while a transaction is in flight and the next transaction
/// takes all of them (up to <see cref="MaxBatch"/>), so a busy node pays one commit (and, on SQLite, one WAL sync) for
/// many bursts instead of one each. A caller's save is durable when its task completes, exactly as with a transaction
/// of its own. When a batch fails (a concurrency conflict, a constraint), it is rolled back and its units are retried one
/// by one, so only the offending unit fails. SQLite allows one writer, so it gets one writer loop; server databases get
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
    private static readonly Counter<long> SplitBatches = Meter.CreateCounter<long>("erp.workflows.save_batch.splits", "{batch}",
        "Batches rolled back and retried one save at a time because one of them failed.");
    private readonly IDbContextFactory<WorkflowsDbContext> _contexts;
    private readonly ILogger _logger;
    private readonly Channel<InstanceWrite> _queue = Channel.CreateUnbounded<InstanceWrite>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Task[] _writers;

    /// <summary>Starts the writer loops.</summary>
    public GroupCommitWriter(IDbContextFactory<WorkflowsDbContext> contexts, WorkflowsDatabaseOptions database, ILogger<GroupCommitWriter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _contexts = contexts;
        _logger = logger ?? NullLogger<GroupCommitWriter>.Instance;
        var writers = database.Provider == WorkflowsDatabaseProvider.Sqlite ? 1 : Math.Max(2, Environment.ProcessorCount);
        _writers = [.. Enumerable.Range(0, writers).Select(_ => Task.Run(RunAsync))];
    }

    /// <summary>Queues a unit; the returned task completes when it is committed (cancellation is not observed once queued:
    /// a caller must never believe a save failed that may still commit).</summary>
    internal Task WriteAsync(InstanceWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter), "The runtime is shutting down; the save was not queued.");
        }

        return write.Completion;
    }

    /// <summary>Lets queued saves finish, then stops the writers.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers).ConfigureAwait(false);
    }

    private async Task RunAsync()
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
                await CommitAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
    }

    internal async Task CommitAsync(List<InstanceWrite> batch)
    {
        try
        {
            await WriteInOneTransactionAsync(batch).ConfigureAwait(false);
            BatchSize.Record(batch.Count);
            batch.ForEach(w => w.Succeed());
            return;
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            SplitBatches.Add(1);
            _logger.LogDebug(exception, "A batch of {Count} instance saves failed; retrying them one by one", batch.Count);
        }
        catch (Exception exception)
        {
            batch[0].Fail(await ExplainAsync(batch[0], exception).ConfigureAwait(false));
            return;
        }

        foreach (var write in batch)
        {
            try
            {
                await WriteInOneTransactionAsync([write]).ConfigureAwait(false);
                write.Succeed();
            }
            catch (Exception exception)
            {
                write.Fail(await ExplainAsync(write, exception).ConfigureAwait(false));
            }
        }
    }

    private async Task WriteInOneTransactionAsync(IReadOnlyList<InstanceWrite> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync().ConfigureAwait(false);
        // Rows are only added or explicitly marked modified: no change detection needed, and a failure rolls the
        // whole transaction back, so EF's savepoint around SaveChanges would only cost a round trip.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
        var updated = batch.Where(w => w.ExpectedStamp is not null).Select(w => w.Row.Id).ToList();
        if (updated.Count > 0)
        {
            await db.Bookmarks.Where(b => updated.Contains(b.InstanceId)).ExecuteDeleteAsync().ConfigureAwait(false);
        }

        foreach (var write in batch)
        {
            await write.ApplyAsync(db, CancellationToken.None).ConfigureAwait(false);
        }

        await db.SaveChangesAsync().ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }

    /// <summary>Turns a failed unit's exception into what callers expect: a lost race is a <see cref="ConcurrencyConflictException"/>.</summary>
    private async Task<Exception> ExplainAsync(InstanceWrite write, Exception exception)
    {
        if (exception is DbUpdateConcurrencyException)
        {
            return ConcurrencyConflictException.ForInstance(write.Row.Id, exception);
        }

        if (write.ExpectedStamp is null && exception is DbUpdateException)
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

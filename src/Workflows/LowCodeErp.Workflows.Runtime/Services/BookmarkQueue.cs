using System.Text.Json;
using System.Threading.Channels;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Dispatch;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>Bookmark queue settings.</summary>
public sealed class BookmarkQueueOptions
{
    /// <summary>How long an unmatched stimulus waits for its bookmark (Elsa 3's default is one minute).</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How often queued stimuli are matched against bookmarks made on any node, and expired ones dropped.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Deliverable queued stimuli taken per pass at most (oldest first).</summary>
    public int BatchSize { get; set; } = 100;
}

/// <summary>
/// Elsa's bookmark queue: an event stimulus (<see cref="StimulusRequest.QueueIfUnmatched"/>) that resumed no bookmark and
/// started no instance is kept for <see cref="BookmarkQueueOptions.TimeToLive"/>, and delivered to the bookmarks that
/// match it once they appear — an event sent a moment before its instance reached the Event activity is not lost. Each
/// pass matches the queued stimuli against the bookmark table, so a bookmark saved on any node is found; a node that
/// saves bookmarks while it knows of queued stimuli starts a pass at once instead of waiting for the next poll. Only the
/// node whose DELETE removed a row delivers it, so a stimulus is delivered at most once across nodes; if every bookmark
/// it was meant for was resumed by someone else meanwhile, the row goes back until its expiry. A process that dies
/// between the claim and the resume loses that stimulus.
/// </summary>
public sealed class BookmarkQueue(
    IDbContextFactory<WorkflowsDbContext> contexts, IBookmarkStore bookmarks, IServiceProvider services, TimeProvider clock, BookmarkQueueOptions options,
    ILogger<BookmarkQueue>? logger = null)
    : BackgroundService
{
    private static readonly TimeSpan MinimumPassGap = TimeSpan.FromMilliseconds(50);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    // Queued stimuli this node knows of: while it is 0, saving bookmarks costs no wake-up (the poll still runs). Each
    // pass recounts them; _enqueued (this node's queuings, ever) keeps a count taken just before a queuing from hiding it.
    private int _known;
    private long _enqueued;

    /// <summary>
    /// Keeps a stimulus that matched nothing. Never throws: it runs after the sender's own work has committed (a
    /// workflow's PublishEvent), and a queue that cannot be written must not undo or stop what follows; it is logged.
    /// </summary>
    public async Task<bool> TryEnqueueAsync(StimulusRequest stimulus, string hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stimulus);
        var now = clock.GetUtcNow();
        try
        {
            await AddAsync(new BookmarkQueueItemRecord
            {
                Id = InstanceIds.New(now),
                Hash = hash,
                Name = stimulus.Name,
                PayloadJson = stimulus.Payload is null ? null : JsonSerializer.Serialize(stimulus.Payload, stimulus.Payload.GetType(), SerializerOptions.Default),
                CorrelationId = stimulus.CorrelationId,
                InputJson = WorkflowCommandInput.Write(stimulus.Input),
                CreatedAt = now.ToUniversalTime(),
                ExpiresAt = (now + options.TimeToLive).ToUniversalTime(),
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger?.LogError(exception, "Stimulus {Name} matched nothing and could not be queued; it is dropped.", stimulus.Name);
            return false;
        }

        Interlocked.Increment(ref _enqueued);
        Interlocked.Increment(ref _known);
        BookmarkQueueMetrics.Queued.Add(1);
        return true;
    }

    /// <summary>A burst saved bookmarks: match them now if stimuli are waiting.</summary>
    internal void BookmarksSaved()
    {
        if (Volatile.Read(ref _known) > 0)
        {
            _wake.Writer.TryWrite(true);
        }
    }

    /// <summary>One pass: drops expired stimuli and delivers those whose bookmark now exists; returns how many it delivered.</summary>
    public async Task<int> DeliverWaitingAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        List<BookmarkQueueItemRecord> waiting;
        await using (var db = contexts.CreateDbContext())
        {
            await ExpiredStimuli.DropAsync(db, now, options.TimeToLive, logger, cancellationToken);

            var enqueuedBefore = Interlocked.Read(ref _enqueued);
            var queued = await db.BookmarkQueue.CountAsync(cancellationToken);
            Volatile.Write(ref _known, queued + (int)(Interlocked.Read(ref _enqueued) - enqueuedBefore));
            // Only stimuli a bookmark now matches (same rule as delivery: the hash, and the correlation id when the
            // stimulus has one): however many wait in vain, they never hide one that can be delivered.
            waiting = await db.BookmarkQueue.AsNoTracking().Where(q => q.ExpiresAt > now)
                .Where(q => db.Bookmarks.Any(b => b.Hash == q.Hash && (q.CorrelationId == null || b.CorrelationId == q.CorrelationId)))
                .OrderBy(q => q.CreatedAt).ThenBy(q => q.Id).Take(options.BatchSize).ToListAsync(cancellationToken);
        }

        var delivered = 0;
        foreach (var item in waiting)
        {
            var matches = await bookmarks.FindByHashAsync(item.Hash, item.CorrelationId, cancellationToken);
            if (matches.Count == 0 || !await ClaimAsync(item.Id, cancellationToken))
            {
                continue;
            }

            Interlocked.Decrement(ref _known);
            if (!TryReadInput(item, out var input))
            {
                continue; // unreadable now means unreadable forever: dropped (and logged)
            }

            if (await DeliverAsync(item, input, matches, cancellationToken))
            {
                delivered++;
                BookmarkQueueMetrics.Delivered.Add(1);
            }
            else
            {
                // Every match was resumed by someone else meanwhile: the stimulus is still undelivered.
                await AddAsync(item, cancellationToken);
                Interlocked.Increment(ref _known);
            }
        }

        return delivered;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverWaitingAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a moment: the next pass tries again.
                logger?.LogError(exception, "Delivering queued workflow stimuli failed.");
            }

            // Many saves in a row each ask for a pass: at most one pass per gap.
            await Task.Delay(MinimumPassGap, clock, stoppingToken).ContinueWith(static _ => { }, TaskScheduler.Default);
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            poll.CancelAfter(options.PollInterval);
            await _wake.Reader.WaitToReadAsync(poll.Token).AsTask().ContinueWith(static _ => { }, TaskScheduler.Default);
            _wake.Reader.TryRead(out _);
        }
    }

    private async Task<bool> ClaimAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.BookmarkQueue.Where(q => q.Id == id).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    private async Task AddAsync(BookmarkQueueItemRecord item, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        db.BookmarkQueue.Add(item);
        await db.SaveChangesAsync(cancellationToken);
    }

    // Plain values, as immediate delivery passes them (the events API and the bus convert the same way).
    private bool TryReadInput(BookmarkQueueItemRecord item, out Dictionary<string, object?>? input)
    {
        try
        {
            input = WorkflowCommandInput.Read(item.InputJson);
            return true;
        }
        catch (JsonException exception)
        {
            logger?.LogError(exception, "Queued stimulus {Name} ({Id}) has unreadable input; it is dropped.", item.Name, item.Id);
            input = null;
            return false;
        }
    }

    /// <summary>Resumes the matches; false when none was left to resume (all resumed by someone else meanwhile).</summary>
    private async Task<bool> DeliverAsync(BookmarkQueueItemRecord item, Dictionary<string, object?>? input, IReadOnlyList<StoredBookmark> matches,
        CancellationToken cancellationToken)
    {
        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        var resumedAny = false;
        foreach (var bookmark in matches)
        {
            try
            {
                await runtime.ResumeAsync(bookmark.Id, input, cancellationToken);
                resumedAny = true;
            }
            catch (BookmarkNotFoundException)
            {
                // Resumed meanwhile by someone else.
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The bookmark was there and the instance failed on it: that counts as delivered; the others still get it.
                resumedAny = true;
                logger?.LogError(exception, "Queued stimulus {Name} could not resume bookmark {BookmarkId}.", item.Name, bookmark.Id);
            }
        }

        return resumedAny;
    }
}

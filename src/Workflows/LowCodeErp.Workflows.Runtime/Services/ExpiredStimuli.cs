using System.Diagnostics.Metrics;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>
/// The bookmark queue's counters on the runtime's meter. Queued against delivered and expired: expiries mean events sent
/// for instances that never came (a wrong correlation id, a retracted flow, a time to live too short for the flow's pace).
/// </summary>
internal static class BookmarkQueueMetrics
{
    private static readonly Meter Meter = new(GroupCommitWriter.MeterName);

    public static readonly Counter<long> Queued = Meter.CreateCounter<long>("erp.workflows.bookmark_queue.queued", "{stimulus}",
        "Stimuli that matched nothing and were queued for their bookmark.");

    public static readonly Counter<long> Delivered = Meter.CreateCounter<long>("erp.workflows.bookmark_queue.delivered", "{stimulus}",
        "Queued stimuli delivered to a bookmark that appeared later.");

    public static readonly Counter<long> Expired = Meter.CreateCounter<long>("erp.workflows.bookmark_queue.expired", "{stimulus}",
        "Queued stimuli dropped at the end of their time to live without a bookmark.");
}

/// <summary>
/// Drops the queued stimuli whose time to live is over, and says so: a stimulus that waited in vain is a business event
/// no workflow received (an approval nobody got), so the oldest are logged one by one, by name, payload and correlation id.
/// </summary>
internal static class ExpiredStimuli
{
    private const int NamedInLog = 20;

    public static async Task DropAsync(WorkflowsDbContext db, DateTimeOffset now, TimeSpan timeToLive, ILogger? logger, CancellationToken cancellationToken)
    {
        // Read first: on SQLite even a DELETE of nothing takes the one write lock the instance writer needs.
        var oldest = await db.BookmarkQueue.AsNoTracking().Where(q => q.ExpiresAt <= now).OrderBy(q => q.CreatedAt)
            .Select(q => new { q.Id, q.Name, q.PayloadJson, q.CorrelationId, q.CreatedAt }).Take(NamedInLog).ToListAsync(cancellationToken);
        if (oldest.Count == 0)
        {
            return;
        }

        var dropped = 0;
        foreach (var item in oldest)
        {
            // One by one, so a row is logged only by the node whose DELETE took it (replicas expire the same rows).
            if (await db.BookmarkQueue.Where(q => q.Id == item.Id).ExecuteDeleteAsync(cancellationToken) == 1)
            {
                dropped++;
                logger?.LogWarning("Queued stimulus {Name} {Payload} (correlation id {CorrelationId}, queued at {QueuedAt:O}) expired: no workflow waited for it within {TimeToLive}.",
                    item.Name, item.PayloadJson, item.CorrelationId ?? "none", item.CreatedAt, timeToLive);
            }
        }

        if (oldest.Count == NamedInLog && await db.BookmarkQueue.Where(q => q.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken) is > 0 and var more)
        {
            dropped += more;
            logger?.LogWarning("{Count} more queued stimuli expired without a workflow waiting for them.", more);
        }

        BookmarkQueueMetrics.Expired.Add(dropped);
    }
}

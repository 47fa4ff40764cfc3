using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>Timer polling settings.</summary>
public sealed class TimerServiceOptions
{
    /// <summary>How often due timers are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How long a claim keeps other nodes away; a node that dies holding one is replaced after it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Timers fired per poll at most.</summary>
    public int BatchSize { get; set; } = 100;
}

/// <summary>
/// Fires due timers exactly once across nodes: a timer is fired only by the node whose conditional UPDATE claimed
/// it. A bookmark timer resumes its bookmark (its row goes away in the same transaction as the resumed state); a
/// trigger timer starts a new instance and is re-armed for its next occurrence (or deleted).
/// </summary>
public sealed class TimerService(
    IDbContextFactory<WorkflowsDbContext> contexts, WorkflowRuntime runtime, TriggerIndexer triggers, TimeProvider clock, TimerServiceOptions options,
    ILogger<TimerService>? logger = null)
    : BackgroundService
{
    /// <summary>This node's claim name.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}:{Guid.NewGuid():N}";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FireDueTimersAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A failed poll (database away) must not stop the service; the next poll tries again.
                logger?.LogError(exception, "Polling workflow timers failed.");
            }

            await Task.Delay(options.PollInterval, clock, stoppingToken).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>One poll: claims and fires the due timers; returns how many this node fired.</summary>
    public async Task<int> FireDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<string> due;
        await using (var db = contexts.CreateDbContext())
        {
            due = await db.Timers.AsNoTracking().Where(t => t.DueAt <= now && (t.ClaimedBy == null || t.ClaimedUntil < now))
                .OrderBy(t => t.DueAt).Take(options.BatchSize).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        var fired = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(id, now, cancellationToken) is not { } timer)
            {
                continue;
            }

            try
            {
                await FireAsync(timer, cancellationToken);
                fired++;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One failing timer must not hold up the others; its claim expires and it is tried again after the lease.
                logger?.LogError(exception, "Workflow timer {TimerId} failed; it is retried after its claim expires.", timer.Id);
            }
        }

        return fired;
    }

    private async Task<TimerRecord?> ClaimAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var until = now + options.ClaimLease;
        var claimed = await db.Timers.Where(t => t.Id == id && t.DueAt <= now && (t.ClaimedBy == null || t.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, NodeId).SetProperty(t => t.ClaimedUntil, until), cancellationToken);
        return claimed == 1 ? await db.Timers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) : null;
    }

    private async Task FireAsync(TimerRecord timer, CancellationToken cancellationToken)
    {
        if (timer.BookmarkId is { } bookmarkId)
        {
            try
            {
                await runtime.ResumeAsync(bookmarkId, cancellationToken: cancellationToken);
            }
            catch (BookmarkNotFoundException)
            {
                // The instance moved on (cancelled, or resumed otherwise): the timer has nothing left to do.
            }

            await DeleteAsync(timer.Id, cancellationToken);
            return;
        }

        await runtime.StartTriggerAsync(timer, cancellationToken);
        var definition = timer.DefinitionVersionId is null ? null : await runtime.FindVersionAsync(timer.DefinitionVersionId, cancellationToken);
        var next = definition is null || timer.ActivityId is null ? null : await triggers.NextDueAsync(definition, timer.ActivityId, timer.DueAt, cancellationToken);
        await using var db = contexts.CreateDbContext();
        if (next is { } nextDue)
        {
            await db.Timers.Where(t => t.Id == timer.Id && t.ClaimedBy == NodeId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, nextDue).SetProperty(t => t.ClaimedBy, (string?)null)
                    .SetProperty(t => t.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
        }
        else
        {
            await db.Timers.Where(t => t.Id == timer.Id && t.ClaimedBy == NodeId).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        await db.Timers.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);
    }
}

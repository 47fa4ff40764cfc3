using System.Text.Json;
using LowCodeErp.Messaging.Configuration;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Messaging.Outbox;

/// <summary>
/// Publishes the outbox rows of <typeparamref name="TContext"/> in id order and marks each sent only after the broker
/// acknowledged it (publisher confirms). While the broker is unreachable it retries with a doubling backoff; on a
/// failure it stops the round, so a later row never overtakes an earlier one. State lives only in the table, so a
/// restart simply continues.
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    private readonly OutboxOptions _options = options.Value.Outbox;
    private int _consecutiveFailures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            RoundResult round;
            try
            {
                round = await RelayRoundAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database itself failed (not the broker): same backoff, the rows stay pending.
                LogRoundFailed(ex);
                round = RoundResult.Failed;
            }

            _consecutiveFailures = round == RoundResult.Failed ? _consecutiveFailures + 1 : 0;
            try
            {
                if (round == RoundResult.Failed)
                {
                    // Commits' signals must not cut a backoff short while the broker is down.
                    await Task.Delay(Backoff(_consecutiveFailures), clock, stoppingToken);
                }
                else if (round == RoundResult.Partial)
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<RoundResult> RelayRoundAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var claimed = await OutboxClaims.ClaimAsync(
            context, _owner, now, now + (long)_options.LeaseDuration.TotalMilliseconds, _options.BatchSize, stoppingToken);
        for (var i = 0; i < claimed.Count; i++)
        {
            var message = claimed[i];
            if (!await TryPublishAsync(message, stoppingToken))
            {
                foreach (var notSent in claimed.Skip(i))
                {
                    notSent.LockedBy = null; // released now: the next round (after the backoff) starts with them again
                    notSent.LockedUntil = null;
                }

                await context.SaveChangesAsync(CancellationToken.None);
                return RoundResult.Failed;
            }

            // Saved one by one: a crash after an acknowledged publish re-publishes at most this one row.
            await context.SaveChangesAsync(CancellationToken.None);
        }

        return claimed.Count >= _options.BatchSize ? RoundResult.FullBatch : RoundResult.Partial;
    }

    private async Task<bool> TryPublishAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        if (Type.GetType(message.MessageType) is not { } type)
        {
            message.DeadLetteredAt = clock.GetUtcNow();
            message.LastError = $"Unknown message type '{message.MessageType}'.";
            message.LockedBy = null;
            LogDeadLettered(message.Id, message.MessageType);
            return true; // nothing to retry: move on to the next row
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(_options.PublishTimeout);
            var body = JsonSerializer.Deserialize(message.Body, type, OutboxDbContextExtensions.Json)!;
            await bus.Publish(body, type, Pipe.Execute<PublishContext>(p => p.MessageId = message.MessageId), timeout.Token);
            message.SentAt = clock.GetUtcNow();
            message.LockedBy = null;
            message.LockedUntil = null;
            return true;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            message.Attempts++;
            message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            LogPublishFailed(message.Id, message.Attempts, ex.Message);
            return false;
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var doubled = TimeSpan.FromMilliseconds(250 * Math.Pow(2, Math.Min(failures - 1, 16)));
        var capped = doubled < _options.MaxBackoff ? doubled : _options.MaxBackoff;
        // Jitter so replicas that lost the broker together do not hammer it together when it returns.
#pragma warning disable CA5394 // not security relevant
        return capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
#pragma warning restore CA5394
    }

    [LoggerMessage(LogLevel.Warning, "Outbox row {Id}: publish attempt {Attempt} failed, will retry: {Error}")]
    private partial void LogPublishFailed(long id, int attempt, string error);

    [LoggerMessage(LogLevel.Error, "Outbox row {Id}: type {Type} not found; dead-lettered")]
    private partial void LogDeadLettered(long id, string type);

    [LoggerMessage(LogLevel.Warning, "Outbox relay round failed; will retry")]
    private partial void LogRoundFailed(Exception exception);

    private enum RoundResult
    {
        Partial,
        FullBatch,
        Failed,
    }
}

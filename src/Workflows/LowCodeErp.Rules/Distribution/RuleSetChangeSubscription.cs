using LowCodeErp.Rules.Engine;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Rules.Distribution;

/// <summary>
/// Gives this replica its own queue for rule set changes: a temporary receive endpoint (unique name, deleted with the
/// replica) bound to the published messages, so every replica receives every change — fan-out, not competing consumers
/// as the service's named endpoints are. Connected once the host has started (the bus runs by then). Because a queue
/// that did not exist yet (start-up) or was gone for a while (broker outage) misses messages, the cache is reconciled
/// with the database once the queue is ready and then every <see cref="RulesOptions.ReconcileInterval"/>.
/// </summary>
public sealed partial class RuleSetChangeSubscription(IBus bus, RuleSetCache cache, RulesOptions options, IHostApplicationLifetime lifetime,
    ILogger<RuleSetChangeSubscription> logger) : BackgroundService
{
    /// <summary>The endpoint's name before MassTransit makes it unique per replica.</summary>
    public const string EndpointName = "rules-cache";

    private readonly TaskCompletionSource<Uri> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the replica's queue address once it receives changes (tests, diagnostics).</summary>
    public Task<Uri> Ready => _ready.Task;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        var handle = bus.ConnectReceiveEndpoint(new TemporaryEndpointDefinition(EndpointName), KebabCaseEndpointNameFormatter.Instance,
            endpoint => endpoint.Consumer(() => new RuleSetChangedConsumer(cache)));
        try
        {
            var ready = await handle.Ready.WaitAsync(stoppingToken);
            await ReconcileAsync(stoppingToken);
            _ready.TrySetResult(ready.InputAddress);
            using var timer = new PeriodicTimer(options.ReconcileInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ReconcileAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await handle.StopAsync(stopping.Token);
        }
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await cache.ReconcileAsync(cancellationToken) is > 0 and var refreshed)
            {
                LogReconciled(refreshed);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database may be briefly unreachable; the next round tries again.
            LogReconcileFailed(exception);
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(LogLevel.Information, "Rules cache reconciled with the database: {Count} rule sets refreshed (a bus notification was missed).")]
    private partial void LogReconciled(int count);

    [LoggerMessage(LogLevel.Warning, "Rules cache reconciliation failed; retrying at the next interval.")]
    private partial void LogReconcileFailed(Exception exception);
}

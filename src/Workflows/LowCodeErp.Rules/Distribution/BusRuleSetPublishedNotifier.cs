using LowCodeErp.Contracts.Rules;
using LowCodeErp.Rules.Engine;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Rules.Distribution;

/// <summary>
/// The distributed shape's notifier: refreshes this replica's cache first (the caller's next evaluation must see its own
/// publish), then tells every other replica over the bus. The change is already committed when this runs, so a broker
/// failure is logged, not thrown: the others converge through <see cref="RuleSetChangeSubscription"/>'s reconciliation.
/// </summary>
public sealed partial class BusRuleSetPublishedNotifier(Lazy<RuleSetCache> cache, IBus bus, RulesOptions options, TimeProvider clock,
    ILogger<BusRuleSetPublishedNotifier> logger) : IRuleSetPublishedNotifier
{
    /// <inheritdoc />
    public async Task PublishedAsync(string name, int version, CancellationToken cancellationToken = default)
    {
        await cache.Value.RefreshAsync(name, cancellationToken);
        await AnnounceAsync(new RuleSetPublished(Guid.NewGuid(), clock.GetUtcNow(), name, version), name, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RetractedAsync(string name, CancellationToken cancellationToken = default)
    {
        await cache.Value.RefreshAsync(name, cancellationToken);
        await AnnounceAsync(new RuleSetRetracted(Guid.NewGuid(), clock.GetUtcNow(), name), name, cancellationToken);
    }

    private async Task AnnounceAsync<T>(T message, string name, CancellationToken cancellationToken)
        where T : class
    {
        // A broker that is down must not hold the publishing request for MassTransit's whole reconnect loop.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.AnnounceTimeout);
        try
        {
            await bus.Publish(message, timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or MassTransitException && !cancellationToken.IsCancellationRequested)
        {
            LogAnnounceFailed(exception, typeof(T).Name, name, options.ReconcileInterval);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not announce {Message} of rule set {Name} on the bus; other replicas pick it up within {Interval}.")]
    private partial void LogAnnounceFailed(Exception exception, string message, string name, TimeSpan interval);
}

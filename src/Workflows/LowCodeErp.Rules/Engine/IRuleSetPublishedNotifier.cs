namespace LowCodeErp.Rules.Engine;

/// <summary>
/// Announces publish and retract so every engine cache follows. In one process <see cref="InProcessRuleSetPublishedNotifier"/>
/// updates the local cache directly; in the distributed shape an implementation publishes a bus message whose consumer
/// on every replica calls <see cref="RuleSetCache.OnPublishedAsync"/> / <see cref="RuleSetCache.OnRetracted"/>.
/// </summary>
public interface IRuleSetPublishedNotifier
{
    /// <summary>A version was published.</summary>
    Task PublishedAsync(string name, int version, CancellationToken cancellationToken = default);

    /// <summary>The published version was retracted.</summary>
    Task RetractedAsync(string name, CancellationToken cancellationToken = default);
}

/// <summary>Single-process notifier: updates (and warms) this process's cache.</summary>
public sealed class InProcessRuleSetPublishedNotifier(Lazy<RuleSetCache> cache) : IRuleSetPublishedNotifier
{
    /// <inheritdoc />
    public Task PublishedAsync(string name, int version, CancellationToken cancellationToken = default) =>
        cache.Value.OnPublishedAsync(name, version, cancellationToken);

    /// <inheritdoc />
    public Task RetractedAsync(string name, CancellationToken cancellationToken = default)
    {
        cache.Value.OnRetracted(name);
        return Task.CompletedTask;
    }
}

/// <summary>Message contract for the bus implementation (MassTransit wiring lives with the service defaults).</summary>
public sealed record RuleSetPublished(string Name, int? Version);

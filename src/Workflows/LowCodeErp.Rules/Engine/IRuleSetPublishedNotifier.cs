namespace LowCodeErp.Rules.Engine;

/// <summary>
/// Announces publish and retract so every engine cache follows. In one process <see cref="InProcessRuleSetPublishedNotifier"/>
/// refreshes the local cache directly; in the distributed shape <see cref="Distribution.BusRuleSetPublishedNotifier"/>
/// also publishes a bus message whose consumer on every replica calls <see cref="RuleSetCache.RefreshAsync"/>.
/// </summary>
public interface IRuleSetPublishedNotifier
{
    /// <summary>A version was published.</summary>
    Task PublishedAsync(string name, int version, CancellationToken cancellationToken = default);

    /// <summary>The published version was retracted.</summary>
    Task RetractedAsync(string name, CancellationToken cancellationToken = default);
}

/// <summary>Single-process notifier: refreshes (and warms) this process's cache.</summary>
public sealed class InProcessRuleSetPublishedNotifier(Lazy<RuleSetCache> cache) : IRuleSetPublishedNotifier
{
    /// <inheritdoc />
    public Task PublishedAsync(string name, int version, CancellationToken cancellationToken = default) =>
        cache.Value.RefreshAsync(name, cancellationToken);

    /// <inheritdoc />
    public Task RetractedAsync(string name, CancellationToken cancellationToken = default) =>
        cache.Value.RefreshAsync(name, cancellationToken);
}

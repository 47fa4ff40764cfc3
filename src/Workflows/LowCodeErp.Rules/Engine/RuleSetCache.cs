using System.Collections.Concurrent;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Stores;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Rules.Engine;

/// <summary>
/// Compiled engines per (rule set, version) and the published version per name. Only immutable versions are cached
/// (published or retired); a draft can still change, so it is compiled per use. A cold RulesEngine compile costs tens
/// of milliseconds, so a version is warmed — compiled for the input shapes it will see — when it is published and at
/// start-up, before the first real evaluation needs it.
/// </summary>
public sealed class RuleSetCache(RuleSetStore store, RuleWarmer warmer, ILogger<RuleSetCache> logger)
{
    private readonly ConcurrentDictionary<(string Name, int Version), Task<CompiledRuleSet>> _compiled = new();
    private readonly ConcurrentDictionary<string, int> _published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    // The published engine per name: the one lookup on the hot path (an unpinned evaluation).
    private readonly ConcurrentDictionary<string, CompiledRuleSet> _current = new(StringComparer.Ordinal);

    /// <summary>True once <see cref="WarmAllAsync"/> has loaded every published rule set (validation relies on it).</summary>
    public bool IsLoaded { get; private set; }

    /// <summary>
    /// The SuccessEvents of the published version (or of a pinned version already compiled) without I/O, for
    /// definition validation; null when not known here.
    /// </summary>
    public IReadOnlySet<string>? KnownSuccessEvents(string name, int? version)
    {
        if (version is null && !_published.ContainsKey(name))
        {
            return null;
        }

        return _compiled.TryGetValue((name, version ?? _published[name]), out var task) && task.IsCompletedSuccessfully ? task.Result.SuccessEvents : null;
    }

    /// <summary>Whether a rule set has a published version known here.</summary>
    public bool IsPublished(string name) => _published.ContainsKey(name);

    /// <summary>Number of compiled versions held (diagnostics and tests).</summary>
    public int Count => _compiled.Count;

    /// <summary>Whether a version is compiled and held.</summary>
    public bool Contains(string name, int version) => _compiled.TryGetValue((name, version), out var task) && task.IsCompletedSuccessfully;

    /// <summary>The warm published engine of a rule set, without I/O or an async state machine (the evaluator's hot path).</summary>
    public bool TryGetPublished(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CompiledRuleSet? ruleSet) =>
        _current.TryGetValue(name, out ruleSet);

    /// <summary>The version to evaluate: <paramref name="version"/> when pinned, else the published one.</summary>
    public async ValueTask<CompiledRuleSet> GetAsync(string name, int? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (version is null && _current.TryGetValue(name, out var current))
        {
            return current;
        }

        var wanted = version ?? (_published.TryGetValue(name, out var published) ? published : await LoadPublishedVersionAsync(name, cancellationToken));
        if (_compiled.TryGetValue((name, wanted), out var cached))
        {
            return await cached;
        }

        var stored = await store.GetAsync(name, wanted, cancellationToken)
            ?? throw new RuleSetNotFoundException($"rule set '{name}' has no version {wanted}");
        if (stored.Info.State == RuleSetVersionState.Draft)
        {
            return Compile(stored);
        }

        var task = _compiled.GetOrAdd((name, wanted), _ => Task.FromResult(Compile(stored)));
        return await task;
    }

    /// <summary>Compiles a version without caching it (drafts, previews, tests).</summary>
    public static CompiledRuleSet Compile(RuleSetVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var parsed = RuleSetParser.Parse(version.Content);
        if (!parsed.IsValid)
        {
            throw new RuleSetInvalidException(parsed.Errors);
        }

        return new CompiledRuleSet(version.Info.Name, version.Info.Version, parsed.Workflow!);
    }

    /// <summary>
    /// Brings one rule set up to date with the database: the published version is compiled, warmed and then switched to
    /// (so no evaluation pays the compile), older versions are evicted; a retracted rule set is evicted. Called on
    /// publish and retract here and, through the bus, on every other replica. It re-reads the database instead of
    /// trusting a message, and runs one refresh per rule set at a time, so duplicate, late or reordered notifications
    /// cannot switch back to an older version; a refresh that finds the published version already warm does nothing.
    /// </summary>
    public async Task RefreshAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var gate = _gates.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var published = await store.GetAsync(name, null, cancellationToken);
            if (published is null)
            {
                _published.TryRemove(name, out _);
                _current.TryRemove(name, out _);
                Evict(name, keep: null);
                return;
            }

            var version = published.Info.Version;
            if (_published.TryGetValue(name, out var current) && current == version && Contains(name, version))
            {
                return;
            }

            var compiled = Compile(published);
            await warmer.WarmAsync(compiled, published.Tests, cancellationToken);
            _compiled[(name, version)] = Task.FromResult(compiled);
            _current[name] = compiled;
            _published[name] = version;
            // Older versions are only evaluated when pinned; drop them so a rule set published hundreds of times does not
            // keep hundreds of engines alive (a pinned one is compiled again on demand).
            Evict(name, keep: version);
            logger.LogInformation("Rule set {Name} v{Version} compiled, warmed and switched to.", name, version);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Refreshes every rule set whose published version differs from the one held here (start-up, and the safety net
    /// for a replica that missed a bus notification while it was disconnected).
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var published = await store.PublishedVersionsAsync(cancellationToken);
        var stale = published.Where(p => !_published.TryGetValue(p.Key, out var held) || held != p.Value).Select(p => p.Key)
            .Concat(_published.Keys.Where(name => !published.ContainsKey(name))).ToList();
        foreach (var name in stale)
        {
            await RefreshAsync(name, cancellationToken);
        }

        return stale.Count;
    }

    /// <summary>Loads and warms every published rule set (start-up).</summary>
    public async Task WarmAllAsync(CancellationToken cancellationToken = default)
    {
        await ReconcileAsync(cancellationToken);
        IsLoaded = true;
    }

    private void Evict(string name, int? keep)
    {
        foreach (var key in _compiled.Keys.Where(k => k.Name == name && k.Version != keep))
        {
            _compiled.TryRemove(key, out _);
        }
    }

    private async Task<int> LoadPublishedVersionAsync(string name, CancellationToken cancellationToken)
    {
        var published = await store.GetAsync(name, null, cancellationToken)
            ?? throw new RuleSetNotFoundException($"rule set '{name}' has no published version");
        return _published.GetOrAdd(name, published.Info.Version);
    }
}

using System.Text.Json;
using System.Threading.Channels;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Persistence;
using LowCodeErp.Workflows.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Rules.Engine;

/// <summary>A recorded evaluation read back for a preview or warm-up.</summary>
public sealed record RecordedEvaluation(long Id, string RuleSet, int Version, DateTimeOffset EvaluatedAt, Dictionary<string, JsonElement> Inputs, RuleDecision Decision);

/// <summary>
/// Records the inputs and decision of real evaluations for the impact preview, off the hot path: evaluation only
/// queues (a full queue drops the oldest, recording is best effort), a background loop writes batches and keeps the
/// newest <see cref="RulesOptions.RetainEvaluations"/> per rule set.
/// </summary>
public sealed class EvaluationRecorder : BackgroundService
{
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false });
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RecordingBudget> _budgets = new(StringComparer.Ordinal);
    private readonly RulesDatabase _database;
    private readonly RulesOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<EvaluationRecorder> _logger;
    private readonly ITimer _budgetWindow;

    /// <summary>Creates the recorder; its budgets open a new one-second window on <paramref name="clock"/>'s timer.</summary>
    public EvaluationRecorder(RulesDatabase database, RulesOptions options, TimeProvider clock, ILogger<EvaluationRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _database = database;
        _options = options;
        _clock = clock;
        _logger = logger;
        // The window moves on a timer, once a second, instead of every evaluation reading the clock: the check on the hot
        // path is then one read of a counter.
        _budgetWindow = clock.CreateTimer(static state => ((EvaluationRecorder)state!).OpenNewWindow(), this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Queues one evaluation; serialization happens on the writer, off the caller's path. The evaluator's path, on every
    /// evaluation: the budget hangs on the compiled rule set (no lookup by name), and only
    /// a sampled evaluation pays for the dictionary the writer serializes.
    /// </summary>
    internal void Record(CompiledRuleSet ruleSet, KeyValuePair<string, object?>[] inputs, RuleEvaluation evaluation)
    {
        if (!_options.RecordEvaluations)
        {
            return;
        }

        var budget = ruleSet.RecordingBudget ??= BudgetOf(ruleSet.Name);
        if (budget.TryTake())
        {
            _queue.Writer.TryWrite(new Pending(new Dictionary<string, object?>(inputs, StringComparer.Ordinal), evaluation, _clock.GetUtcNow()));
        }
    }

    // One budget per rule set name, shared by its versions.
    private RecordingBudget BudgetOf(string ruleSet) =>
        _budgets.GetOrAdd(ruleSet, static (_, perSecond) => new RecordingBudget(perSecond), _options.MaxRecordsPerSecond);

    /// <summary>Writes everything queued so far (a preview calls it so it sees the latest evaluations).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var batch = new List<Pending>();
            while (_queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count == 0)
            {
                return;
            }

            await using var db = _database.CreateDbContext();
            db.Evaluations.AddRange(batch.Select(e => new RuleEvaluationRecord
            {
                RuleSet = e.Evaluation.RuleSet,
                Version = e.Evaluation.Version,
                EvaluatedAt = e.At,
                Inputs = JsonSerializer.Serialize(e.Inputs, ValueConversion.JsonOptions),
                Decision = JsonSerializer.Serialize(RuleDecision.From(e.Evaluation), ValueConversion.JsonOptions),
            }));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var ruleSet in batch.Select(e => e.Evaluation.RuleSet).Distinct(StringComparer.Ordinal))
            {
                await PruneAsync(db, ruleSet, cancellationToken);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>The newest <paramref name="count"/> recorded evaluations of a rule set, newest first.</summary>
    public async Task<IReadOnlyList<RecordedEvaluation>> RecentAsync(string ruleSet, int count, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateDbContext();
        var rows = await db.Evaluations.AsNoTracking().Where(e => e.RuleSet == ruleSet).OrderByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);
        return rows.Select(r => new RecordedEvaluation(r.Id, r.RuleSet, r.Version, r.EvaluatedAt,
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(r.Inputs, ValueConversion.JsonOptions)!,
            JsonSerializer.Deserialize<RuleDecision>(r.Decision, ValueConversion.JsonOptions)!)).ToList();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // One batch per interval, not one write per evaluation: under load, a write (and a prune) per sampled
                // evaluation cost more CPU than the evaluations themselves. A preview or warm-up flushes first anyway.
                await Task.Delay(_options.RecordFlushInterval, stoppingToken);
                try
                {
                    await FlushAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
                {
                    _logger.LogWarning(exception, "Recording rule evaluations failed; they are dropped.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; what is still queued is best-effort data.
        }
    }

    private async Task PruneAsync(RulesDbContext db, string ruleSet, CancellationToken cancellationToken)
    {
        var oldestKept = await db.Evaluations.Where(e => e.RuleSet == ruleSet).OrderByDescending(e => e.Id)
            .Skip(_options.RetainEvaluations - 1).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (oldestKept is { } id)
        {
            await db.Evaluations.Where(e => e.RuleSet == ruleSet && e.Id < id).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private void OpenNewWindow()
    {
        // Enumerating the dictionary itself takes no lock and makes no snapshot (Values does both), once a second.
        foreach (var (_, budget) in _budgets)
        {
            budget.Reset();
        }
    }

    /// <summary>
    /// At most N records per second per rule set: the preview needs a recent sample of real inputs, not every one of
    /// thousands per second, and serializing plus writing each would cost more than the evaluation itself.
    /// </summary>
    internal sealed class RecordingBudget(int perSecond)
    {
        private int _taken;

        /// <summary>
        /// Lock-free and clock-free: concurrent evaluations of one rule set all pass here, and once the window's budget
        /// is spent the answer is a plain read (no write that would bounce the cache line between cores).
        /// </summary>
        public bool TryTake() => Volatile.Read(ref _taken) < perSecond && Interlocked.Increment(ref _taken) <= perSecond;

        /// <summary>A new one-second window.</summary>
        public void Reset() => Volatile.Write(ref _taken, 0);
    }

    private sealed record Pending(IReadOnlyDictionary<string, object?> Inputs, RuleEvaluation Evaluation, DateTimeOffset At);

    /// <inheritdoc />
    public override void Dispose()
    {
        _budgetWindow.Dispose();
        _writing.Dispose();
        base.Dispose();
    }
}

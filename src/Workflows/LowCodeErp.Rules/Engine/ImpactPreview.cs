using System.Text.Json;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Stores;

namespace LowCodeErp.Rules.Engine;

/// <summary>One recorded evaluation whose decision the previewed version would change (or could not make).</summary>
public sealed record PreviewExample(long EvaluationId, DateTimeOffset EvaluatedAt, int RecordedVersion,
    IReadOnlyDictionary<string, JsonElement> Inputs, RuleDecision Before, RuleDecision? After, string? Error);

/// <summary>
/// The effect of a version on recent real traffic: how many recorded decisions it would change, how the SuccessEvents
/// move (<c>"Approve → Refer": 3</c>), and examples of the changed decisions first, then of failures.
/// </summary>
public sealed record ImpactPreviewResult(string RuleSet, int Version, int Evaluated, int Changed, int Unchanged, int Failed,
    IReadOnlyDictionary<string, int> Transitions, IReadOnlyList<PreviewExample> Examples);

/// <summary>Re-evaluates a version (typically the draft) against the inputs recorded by the last N real evaluations.</summary>
public sealed class ImpactPreview(RuleSetStore store, EvaluationRecorder recorder)
{
    /// <summary>Examples returned at most.</summary>
    public const int MaxExamples = 10;

    /// <summary>Previews <paramref name="version"/> of <paramref name="name"/> over the newest <paramref name="limit"/> recorded evaluations; null when no such version.</summary>
    public async Task<ImpactPreviewResult?> PreviewAsync(string name, int version, int limit, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync(name, version, cancellationToken) is not { } stored)
        {
            return null;
        }

        var ruleSet = RuleSetCache.Compile(stored);
        await recorder.FlushAsync(cancellationToken);
        var recorded = await recorder.RecentAsync(name, limit, cancellationToken);
        var changed = new List<PreviewExample>();
        var failed = new List<PreviewExample>();
        var transitions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var evaluation in recorded)
        {
            try
            {
                var after = RuleDecision.From(await ruleSet.EvaluateAsync(RuleInputs.Normalize(evaluation.Inputs)));
                if (after.SameAs(evaluation.Decision))
                {
                    continue;
                }

                changed.Add(new PreviewExample(evaluation.Id, evaluation.EvaluatedAt, evaluation.Version, evaluation.Inputs, evaluation.Decision, after, null));
                var key = $"{Describe(evaluation.Decision)} → {Describe(after)}";
                transitions[key] = transitions.GetValueOrDefault(key) + 1;
            }
            catch (RuleEvaluationException exception)
            {
                failed.Add(new PreviewExample(evaluation.Id, evaluation.EvaluatedAt, evaluation.Version, evaluation.Inputs, evaluation.Decision, null, exception.Message));
            }
        }

        return new ImpactPreviewResult(name, version, recorded.Count, changed.Count, recorded.Count - changed.Count - failed.Count, failed.Count,
            transitions, [.. changed.Concat(failed).Take(MaxExamples)]);
    }

    private static string Describe(RuleDecision decision) =>
        decision.SuccessEvents.Count > 0 ? string.Join("+", decision.SuccessEvents)
        : decision.SuccessfulRules.Count > 0 ? string.Join("+", decision.SuccessfulRules) : "(none)";
}

using LowCodeErp.Rules.Model;

namespace LowCodeErp.Rules.Engine;

/// <summary>
/// The one evaluation path of the activity and the API: normalise inputs, take the cached compiled version, evaluate,
/// record the decision for the impact preview.
/// </summary>
public sealed class RuleEvaluator(RuleSetCache cache, EvaluationRecorder recorder)
{
    /// <summary>Evaluates <paramref name="name"/> (the published version, or <paramref name="version"/>) on named inputs.</summary>
    public async ValueTask<RuleEvaluation> EvaluateAsync(string name, int? version, IEnumerable<KeyValuePair<string, object?>> inputs,
        CancellationToken cancellationToken = default)
    {
        var normalized = RuleInputs.Normalize(inputs);
        var ruleSet = await cache.GetAsync(name, version, cancellationToken);
        var evaluation = await ruleSet.EvaluateAsync(normalized);
        recorder.Record(normalized, evaluation);
        return evaluation;
    }
}

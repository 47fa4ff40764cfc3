using System.Text.Json;
using LowCodeErp.Rules.Model;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Rules.Engine;

/// <summary>What an evaluation decided: the successful rules, their SuccessEvents and every rule's action output.</summary>
public sealed record RuleDecision(IReadOnlyList<string> SuccessfulRules, IReadOnlyList<string> SuccessEvents, IReadOnlyDictionary<string, JsonElement> Outputs)
{
    /// <summary>The decision of an evaluation.</summary>
    public static RuleDecision From(RuleEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var outputs = evaluation.Results.Where(r => r.Output is not null)
            .ToDictionary(r => r.RuleName, r => JsonSerializer.SerializeToElement(r.Output, ValueConversion.JsonOptions), StringComparer.Ordinal);
        return new RuleDecision(evaluation.SuccessfulRules, evaluation.SuccessEvents, outputs);
    }

    /// <summary>Same rules succeeded, same events, same outputs (compared as JSON).</summary>
    public bool SameAs(RuleDecision other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return SuccessfulRules.SequenceEqual(other.SuccessfulRules, StringComparer.Ordinal) &&
               SuccessEvents.SequenceEqual(other.SuccessEvents, StringComparer.Ordinal) &&
               Outputs.Count == other.Outputs.Count &&
               Outputs.All(kv => other.Outputs.TryGetValue(kv.Key, out var o) && JsonElement.DeepEquals(kv.Value, o));
    }
}

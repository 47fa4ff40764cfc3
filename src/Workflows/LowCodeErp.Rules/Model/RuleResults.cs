using System.Text.Json.Serialization;

namespace LowCodeErp.Rules.Model;

/// <summary>
/// One rule's result, as the activity's output and the API return it. Every field is always written (null included):
/// it is the documented shape, even where the host's JSON options leave nulls out. A struct: an evaluation's results are
/// then one array, not one object per rule (this is on every evaluation's path).
/// </summary>
public readonly record struct RuleResult(
    string RuleName,
    bool IsSuccess,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? SuccessEvent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ErrorMessage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? Output);

/// <summary>The results of evaluating one version of a rule set.</summary>
public sealed record RuleEvaluation(string RuleSet, int Version, IReadOnlyList<RuleResult> Results)
{
    /// <summary>SuccessEvents of the successful rules, in rule order, without duplicates.</summary>
    public IReadOnlyList<string> SuccessEvents => Results
        .Where(r => r.IsSuccess && !string.IsNullOrEmpty(r.SuccessEvent)).Select(r => r.SuccessEvent!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Names of the successful rules, in rule order.</summary>
    public IReadOnlyList<string> SuccessfulRules => Results.Where(r => r.IsSuccess).Select(r => r.RuleName).ToList();
}

/// <summary>
/// A rule failed to evaluate (bad expression, missing input property, exception in an action). Never a silent false:
/// the activity turns it into an incident, the API into a 422 naming the rule.
/// </summary>
public sealed class RuleEvaluationException(string ruleSet, int version, string ruleName, string detail)
    : Exception($"Rule '{ruleName}' of rule set '{ruleSet}' v{version} could not be evaluated: {detail}")
{
    /// <summary>Rule set name.</summary>
    public string RuleSet { get; } = ruleSet;
    /// <summary>Version evaluated.</summary>
    public int Version { get; } = version;
    /// <summary>The failing rule.</summary>
    public string RuleName { get; } = ruleName;
    /// <summary>RulesEngine's message.</summary>
    public string Detail { get; } = detail;
}

/// <summary>No such rule set, version, or no published version to evaluate.</summary>
public sealed class RuleSetNotFoundException(string message) : Exception(message);

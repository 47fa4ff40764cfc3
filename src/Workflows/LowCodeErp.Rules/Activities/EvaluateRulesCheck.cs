using LowCodeErp.Rules.Engine;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Core.Validation;

namespace LowCodeErp.Rules.Activities;

/// <summary>
/// Definition validation for <see cref="EvaluateRules"/>: a port (an <c>outcomes</c> entry) must name a SuccessEvent of
/// the rule set, or a connection from it could never be taken. Checks literal rule set names against the rule sets this
/// host has loaded; a name computed by an expression can only be checked when the flow runs.
/// </summary>
public sealed class EvaluateRulesCheck(RuleSetCache cache) : IActivityDefinitionCheck
{
    /// <inheritdoc />
    public IEnumerable<DefinitionError> Check(Activity activity, string path)
    {
        if (activity is not EvaluateRules rules || !cache.IsLoaded || Literal<string>(rules.RuleSet) is not { Length: > 0 } name)
        {
            yield break;
        }

        var version = Literal<int?>(rules.RuleSetVersion);
        var events = cache.KnownSuccessEvents(name, version);
        if (events is null)
        {
            if (version is null && !cache.IsPublished(name))
            {
                yield return new DefinitionError($"{path}.ruleSet", $"no published rule set named '{name}'", activity.Id);
            }

            yield break;
        }

        var outcomes = Literal<List<string>>(rules.Outcomes) ?? [];
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i] != EvaluateRules.NoMatch && !events.Contains(outcomes[i]))
            {
                yield return new DefinitionError($"{path}.outcomes.expression.value[{i}]",
                    $"port '{outcomes[i]}' names no SuccessEvent of rule set '{name}' (it has: {string.Join(", ", events.Order(StringComparer.Ordinal))})", activity.Id);
            }
        }
    }

    private static T? Literal<T>(Input? input)
    {
        if (input?.Expression is not { Type: ExpressionTypes.Literal or ExpressionTypes.Object or ExpressionTypes.Json } expression)
        {
            return default;
        }

        try
        {
            return ValueConversion.Convert<T>(expression.Value);
        }
        catch (FormatException)
        {
            return default;
        }
    }
}

using System.Linq.Dynamic.Core.Exceptions;
using LowCodeErp.Rules.Engine;
using LowCodeErp.Rules.Model;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace LowCodeErp.Rules.Testing;

/// <summary>
/// Finds rule expressions that RulesEngine cannot parse, before a rule set is saved. RulesEngine types an expression
/// only for concrete inputs, so each rule's expression is parsed on its own (one broken rule does not hide another)
/// with the parameter types of each test case's inputs. Only a genuine syntax error counts: an expression that fails
/// for every case, and not because of what the inputs are (an unknown identifier or property, operand types that do not
/// fit): those depend on the inputs, and the failing test case reports them. Never throws; anything it cannot judge
/// is left to the test run and the first evaluation.
/// </summary>
public static class ExpressionSyntaxCheck
{
    // System.Linq.Dynamic.Core reports every parse problem as the same ParseException, without an error code; these are
    // its messages (Res.*) for problems that come from the inputs' types, not from the text.
    private static readonly string[] InputDependent =
    [
        "Unknown identifier", "No property or field", "incompatible with operand type", "No applicable method",
        "No applicable indexer", "cannot be converted to type", "convert to the other", "Expression of type",
        "are incompatible", "not found on type", "No 'it' is in scope", "Enum type", "Type '",
    ];

    /// <summary>The syntax errors of <paramref name="workflow"/>'s rule expressions, as <c>$.Rules[i].Expression: …</c>.</summary>
    public static IReadOnlyList<RuleFileError> Check(RulesEngine.Models.Workflow workflow, RuleTestSuite suite)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(suite);
        var parameterSets = ParameterSets(suite);
        if (parameterSets.Count == 0)
        {
            return [];
        }

        var parser = new RuleExpressionParser(CompiledRuleSet.CreateSettings());
        var errors = new List<RuleFileError>();
        foreach (var (rule, path) in Expressions(workflow.Rules, "$.Rules"))
        {
            if (SyntaxError(parser, rule.Expression, parameterSets) is { } message)
            {
                errors.Add(new RuleFileError($"{path}.Expression", $"cannot be parsed: {message}", rule.RuleName));
            }
        }

        return errors;
    }

    private static string? SyntaxError(RuleExpressionParser parser, string expression, List<RuleParameter[]> parameterSets)
    {
        string? syntaxError = null;
        foreach (var parameters in parameterSets)
        {
            try
            {
                parser.Parse(expression, [.. parameters.Select(p => p.ParameterExpression)], typeof(bool));
                return null;
            }
            catch (ParseException exception) when (!Array.Exists(InputDependent, m => exception.Message.Contains(m, StringComparison.Ordinal)))
            {
                syntaxError ??= exception.Message;
            }
#pragma warning disable CA1031 // Whatever else fails depends on the inputs (or is RulesEngine's own problem): the test run reports it.
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }

        return syntaxError;
    }

    private static List<RuleParameter[]> ParameterSets(RuleTestSuite suite)
    {
        var sets = new List<RuleParameter[]>();
        foreach (var testCase in suite.Cases)
        {
            try
            {
                sets.Add([.. RuleInputs.Normalize(testCase.Inputs).Select(kv => new RuleParameter(kv.Key, kv.Value))]);
            }
#pragma warning disable CA1031 // Inputs RulesEngine cannot type (a nameless input): that case's run reports it.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        return sets;
    }

    private static IEnumerable<(Rule Rule, string Path)> Expressions(IEnumerable<Rule>? rules, string path)
    {
        var index = 0;
        foreach (var rule in rules ?? [])
        {
            var rulePath = $"{path}[{index++}]";
            if (!string.IsNullOrWhiteSpace(rule.Expression) && rule.RuleExpressionType == RuleExpressionType.LambdaExpression)
            {
                yield return (rule, rulePath);
            }

            foreach (var nested in Expressions(rule.Rules, $"{rulePath}.Rules"))
            {
                yield return nested;
            }
        }
    }
}

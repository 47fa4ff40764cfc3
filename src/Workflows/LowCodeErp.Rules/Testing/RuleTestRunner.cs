using System.Text.Json;
using LowCodeErp.Rules.Engine;
using LowCodeErp.Rules.Model;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Rules.Testing;

/// <summary>The outcome of one case; <see cref="Differences"/> is the diff printed for a failure.</summary>
public sealed record RuleTestCaseResult(string Name, bool Passed, IReadOnlyList<string> Differences);

/// <summary>The outcome of a suite.</summary>
public sealed record RuleTestReport(string RuleSet, int Version, IReadOnlyList<RuleTestCaseResult> Cases)
{
    /// <summary>Cases that passed.</summary>
    public int Passed => Cases.Count(c => c.Passed);
    /// <summary>Cases that failed.</summary>
    public int Failed => Cases.Count(c => !c.Passed);
}

/// <summary>Runs test cases against a compiled rule set (a draft before publishing, a file in CI). An evaluation error fails the case.</summary>
public static class RuleTestRunner
{
    /// <summary>Runs every case.</summary>
    public static async Task<RuleTestReport> RunAsync(CompiledRuleSet ruleSet, RuleTestSuite suite)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(suite);
        var results = new List<RuleTestCaseResult>();
        foreach (var testCase in suite.Cases)
        {
            try
            {
                var evaluation = await ruleSet.EvaluateAsync(RuleInputs.Normalize(testCase.Inputs));
                var differences = Compare(testCase.Expect, evaluation);
                results.Add(new RuleTestCaseResult(testCase.Name, differences.Count == 0, differences));
            }
            catch (RuleEvaluationException exception)
            {
                results.Add(new RuleTestCaseResult(testCase.Name, false, [$"error: {exception.Message}"]));
            }
        }

        return new RuleTestReport(ruleSet.Name, ruleSet.Version, results);
    }

    private static List<string> Compare(RuleTestExpectation expect, RuleEvaluation actual)
    {
        var differences = new List<string>();
        CompareSet("successfulRules", expect.SuccessfulRules, actual.SuccessfulRules, differences);
        CompareSet("successEvents", expect.SuccessEvents, actual.SuccessEvents, differences);
        foreach (var (rule, expected) in expect.Outputs ?? new Dictionary<string, JsonElement>())
        {
            if (ResultOf(actual, rule) is not { } result)
            {
                differences.Add($"outputs.{rule}: no rule named '{rule}'");
                continue;
            }

            var output = JsonSerializer.SerializeToElement(result.Output, ValueConversion.JsonOptions);
            if (!JsonEquals(expected, output))
            {
                differences.Add($"outputs.{rule}: expected {expected.GetRawText()}, actual {output.GetRawText()}");
            }
        }

        return differences;
    }

    private static RuleResult? ResultOf(RuleEvaluation evaluation, string ruleName)
    {
        for (var i = 0; i < evaluation.Results.Count; i++)
        {
            if (string.Equals(evaluation.Results[i].RuleName, ruleName, StringComparison.Ordinal))
            {
                return evaluation.Results[i];
            }
        }

        return null;
    }

    private static void CompareSet(string what, IReadOnlyList<string>? expected, IReadOnlyList<string> actual, List<string> differences)
    {
        if (expected is null)
        {
            return;
        }

        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var unexpected = actual.Except(expected, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            differences.Add($"{what}: expected [{string.Join(", ", expected)}], actual [{string.Join(", ", actual)}]" +
                (missing.Count > 0 ? $"; missing {string.Join(", ", missing)}" : "") +
                (unexpected.Count > 0 ? $"; unexpected {string.Join(", ", unexpected)}" : ""));
        }
    }

    /// <summary>JSON equality where numbers compare by value (0.05 equals 0.050).</summary>
    private static bool JsonEquals(JsonElement a, JsonElement b) =>
        a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number
            ? a.GetDecimal() == b.GetDecimal()
            : JsonElement.DeepEquals(a, b);
}

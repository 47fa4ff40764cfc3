using System.Text.Json;
using LowCodeErp.Rules.Model;

namespace LowCodeErp.Rules.Testing;

/// <summary>What a case expects; a null list or map is not checked.</summary>
public sealed record RuleTestExpectation(IReadOnlyList<string>? SuccessfulRules, IReadOnlyList<string>? SuccessEvents, IReadOnlyDictionary<string, JsonElement>? Outputs);

/// <summary>One case: named inputs and what the rule set must decide for them.</summary>
public sealed record RuleTestCase(string Name, IReadOnlyDictionary<string, object?> Inputs, RuleTestExpectation Expect);

/// <summary>
/// The cases of <c>rules/&lt;name&gt;.tests.json</c>:
/// <c>{"cases": [{"name", "inputs": {"input1": {…}}, "expect": {"successfulRules": […], "successEvents": […], "outputs": {"Rule": value}}}]}</c>.
/// Lists are compared as sets (order does not matter), outputs as JSON values.
/// </summary>
public sealed record RuleTestSuite(IReadOnlyList<RuleTestCase> Cases, IReadOnlyList<RuleFileError> Errors)
{
    /// <summary>Parses a tests document; never throws for bad content.</summary>
    public static RuleTestSuite Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!document.RootElement.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
            {
                return new RuleTestSuite([], [new RuleFileError("$.cases", "a tests file has a 'cases' array")]);
            }

            var result = new List<RuleTestCase>();
            var errors = new List<RuleFileError>();
            var i = 0;
            foreach (var item in cases.EnumerateArray())
            {
                var path = $"$.cases[{i++}]";
                if (ParseCase(item, path, errors) is { } testCase)
                {
                    result.Add(testCase);
                }
            }

            return new RuleTestSuite(result, errors);
        }
        catch (JsonException exception)
        {
            return new RuleTestSuite([], [new RuleFileError(exception.Path is { Length: > 0 } p ? p : "$", $"invalid JSON: {exception.Message}")]);
        }
    }

    private static RuleTestCase? ParseCase(JsonElement item, string path, List<RuleFileError> errors)
    {
        var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : path;
        if (!item.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new RuleFileError($"{path}.inputs", $"case '{name}' needs an 'inputs' object (input name → value)"));
            return null;
        }

        if (!item.TryGetProperty("expect", out var expect) || expect.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new RuleFileError($"{path}.expect", $"case '{name}' needs an 'expect' object"));
            return null;
        }

        var expectation = new RuleTestExpectation(
            Strings(expect, "successfulRules"), Strings(expect, "successEvents"),
            expect.TryGetProperty("outputs", out var outputs) && outputs.ValueKind == JsonValueKind.Object
                ? outputs.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
                : null);
        return new RuleTestCase(name, inputs.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal), expectation);
    }

    private static List<string>? Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
            : null;
}

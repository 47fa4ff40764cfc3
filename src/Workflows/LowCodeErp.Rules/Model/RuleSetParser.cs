using System.Text.Json;
using RulesEngine.Models;

namespace LowCodeErp.Rules.Model;

/// <summary>A parsed rule set: the RulesEngine workflow, or the problems that stop it from being one.</summary>
public sealed record ParsedRuleSet(Workflow? Workflow, IReadOnlyList<RuleFileError> Errors)
{
    /// <summary>True when the document can be compiled and run.</summary>
    public bool IsValid => Workflow is not null && Errors.Count == 0;
}

/// <summary>
/// Reads one RulesEngine workflow (the Microsoft RulesEngine JSON format: <c>WorkflowName</c>, <c>Rules[]</c> with
/// <c>RuleName</c>, <c>Expression</c>, <c>SuccessEvent</c>, <c>ErrorMessage</c>, <c>Actions</c>, nested <c>Rules</c>) and
/// checks what RulesEngine itself only finds at run time: names, duplicates, empty expressions and unknown actions.
/// Every error carries the JSON path and the rule's name.
/// </summary>
public static class RuleSetParser
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
    private static readonly HashSet<string> KnownActions = new(StringComparer.Ordinal) { "OutputExpression", "EvaluateRule" };

    /// <summary>Parses <paramref name="json"/>; never throws for bad content.</summary>
    public static ParsedRuleSet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            return new ParsedRuleSet(null, [new RuleFileError(exception.Path is { Length: > 0 } p ? p : "$", $"invalid JSON: {exception.Message}")]);
        }

        using (document)
        {
            var errors = new List<RuleFileError>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ParsedRuleSet(null, [new RuleFileError("$", "a rule set is one RulesEngine workflow object (not an array)")]);
            }

            if (!TryGetString(root, "WorkflowName", out var name) || string.IsNullOrWhiteSpace(name))
            {
                errors.Add(new RuleFileError("$.WorkflowName", "is required"));
            }

            if (!TryGet(root, "Rules", out var rules) || rules.ValueKind != JsonValueKind.Array || rules.GetArrayLength() == 0)
            {
                errors.Add(new RuleFileError("$.Rules", "at least one rule is required"));
            }
            else
            {
                CheckRules(rules, "$.Rules", errors);
            }

            if (errors.Count > 0)
            {
                return new ParsedRuleSet(null, errors);
            }

            try
            {
                var workflow = root.Deserialize<Workflow>(Options)!;
                PlainActionContexts(workflow.Rules);
                return new ParsedRuleSet(workflow, errors);
            }
            catch (JsonException exception)
            {
                return new ParsedRuleSet(null, [new RuleFileError(exception.Path ?? "$", exception.Message)]);
            }
        }
    }

    private static void CheckRules(JsonElement rules, string path, List<RuleFileError> errors)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var rule in rules.EnumerateArray())
        {
            var rulePath = $"{path}[{index++}]";
            if (rule.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new RuleFileError(rulePath, "a rule is an object"));
                continue;
            }

            if (!TryGetString(rule, "RuleName", out var name) || string.IsNullOrWhiteSpace(name))
            {
                errors.Add(new RuleFileError($"{rulePath}.RuleName", "is required"));
                name = null;
            }
            else if (!names.TryAdd(name, rulePath))
            {
                errors.Add(new RuleFileError($"{rulePath}.RuleName", $"duplicate rule name (also at {names[name]})", name));
            }

            CheckRule(rule, rulePath, name, errors);
        }
    }

    private static void CheckRule(JsonElement rule, string rulePath, string? name, List<RuleFileError> errors)
    {
        var hasChildren = TryGet(rule, "Rules", out var children) && children.ValueKind == JsonValueKind.Array && children.GetArrayLength() > 0;
        if (hasChildren)
        {
            if (!TryGetString(rule, "Operator", out var op) || op is not ("And" or "AndAlso" or "Or" or "OrElse"))
            {
                errors.Add(new RuleFileError($"{rulePath}.Operator", "a rule with nested Rules needs Operator And, AndAlso, Or or OrElse", name));
            }

            CheckRules(children, $"{rulePath}.Rules", errors);
        }
        else if (!TryGetString(rule, "Expression", out var expression) || string.IsNullOrWhiteSpace(expression))
        {
            errors.Add(new RuleFileError($"{rulePath}.Expression", "is required (a LambdaExpression over the inputs, e.g. input1.amount > 1000)", name));
        }

        if (TryGet(rule, "RuleExpressionType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "LambdaExpression")
        {
            errors.Add(new RuleFileError($"{rulePath}.RuleExpressionType", $"'{type.GetString()}' is not supported (only LambdaExpression)", name));
        }

        if (TryGet(rule, "Actions", out var actions) && actions.ValueKind == JsonValueKind.Object)
        {
            foreach (var action in actions.EnumerateObject())
            {
                if (action.Value.ValueKind == JsonValueKind.Object && TryGetString(action.Value, "Name", out var actionName) &&
                    !KnownActions.Contains(actionName ?? ""))
                {
                    errors.Add(new RuleFileError($"{rulePath}.Actions.{action.Name}.Name",
                        $"unknown action '{actionName}' (use {string.Join(" or ", KnownActions)})", name));
                }
            }
        }
    }

    /// <summary>RulesEngine reads action context values (e.g. OutputExpression's <c>Expression</c>) as CLR strings, not JSON elements.</summary>
    private static void PlainActionContexts(IEnumerable<Rule>? rules)
    {
        foreach (var rule in rules ?? [])
        {
            foreach (var action in new[] { rule.Actions?.OnSuccess, rule.Actions?.OnFailure })
            {
                if (action?.Context is { } context)
                {
                    foreach (var key in context.Keys.ToList())
                    {
                        context[key] = LowCodeErp.Workflows.Abstractions.ValueConversion.Unwrap(context[key]);
                    }
                }
            }

            PlainActionContexts(rule.Rules);
        }
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static bool TryGetString(JsonElement element, string name, out string? value)
    {
        value = TryGet(element, name, out var found) && found.ValueKind == JsonValueKind.String ? found.GetString() : null;
        return value is not null;
    }
}

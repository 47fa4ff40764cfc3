using LowCodeErp.Rules.Model;
using RulesEngine.Models;
using RulesEngineInstance = RulesEngine.RulesEngine;

namespace LowCodeErp.Rules.Engine;

/// <summary>
/// One version of a rule set with its own RulesEngine instance. RulesEngine compiles a rule set lazily per input
/// shape and keeps the compiled delegates inside the instance, so reusing this object is what makes evaluation warm.
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly RulesEngineInstance _engine;

    /// <summary>Creates the engine for a parsed workflow (nothing is compiled until the first evaluation or warm-up).</summary>
    public CompiledRuleSet(string name, int version, Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        Name = name;
        Version = version;
        Workflow = workflow;
        SuccessEvents = Flatten(workflow.Rules).Select(r => r.SuccessEvent).Where(e => !string.IsNullOrEmpty(e))
            .ToHashSet(StringComparer.Ordinal)!;
        _engine = new RulesEngineInstance([workflow], CreateSettings());
    }

    /// <summary>
    /// The engine settings: exceptions become the rule's ExceptionMessage (then an incident naming the rule, see
    /// <see cref="EvaluateAsync"/>) instead of one exception for the whole set; ErrorMessage stays the rule's own text,
    /// unformatted, so it is not mistaken for one.
    /// </summary>
    public static ReSettings CreateSettings() =>
        new() { EnableExceptionAsErrorMessage = true, EnableFormattedErrorMessage = false, IgnoreException = false };

    /// <summary>Rule set name (the workflow name).</summary>
    public string Name { get; }

    /// <summary>Version.</summary>
    public int Version { get; }

    /// <summary>The RulesEngine workflow.</summary>
    public Workflow Workflow { get; }

    /// <summary>Every SuccessEvent a rule of this set (at any depth) can raise.</summary>
    public IReadOnlySet<string> SuccessEvents { get; }

    /// <summary>Evaluates already-normalised inputs (see <see cref="RuleInputs"/>); throws <see cref="RuleEvaluationException"/> naming the first failing rule.</summary>
    public ValueTask<RuleEvaluation> EvaluateAsync(IReadOnlyDictionary<string, object?> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var parameters = new RuleParameter[inputs.Count];
        var i = 0;
        foreach (var (name, value) in inputs)
        {
            parameters[i++] = new RuleParameter(name, value);
        }

        return ExecuteAsync(parameters);
    }

    /// <summary>
    /// The evaluator's path: inputs already normalised into an array it owns (<see cref="RuleInputs.NormalizeToArray"/>),
    /// no dictionary in between.
    /// </summary>
    public ValueTask<RuleEvaluation> EvaluateAsync(KeyValuePair<string, object?>[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var parameters = new RuleParameter[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            parameters[i] = new RuleParameter(inputs[i].Key, inputs[i].Value);
        }

        return ExecuteAsync(parameters);
    }

    /// <summary>
    /// The recording budget of this rule set, looked up once per compiled version instead of once per evaluation
    /// (set by <see cref="EvaluationRecorder"/>).
    /// </summary>
    internal EvaluationRecorder.RecordingBudget? RecordingBudget { get; set; }

    // Warm, RulesEngine completes synchronously: no async state machine then (this runs on every evaluation).
    private ValueTask<RuleEvaluation> ExecuteAsync(RuleParameter[] parameters)
    {
        var running = _engine.ExecuteAllRulesAsync(Name, parameters);
        return running.IsCompletedSuccessfully ? new ValueTask<RuleEvaluation>(Map(running.Result)) : AwaitAsync(running);
    }

    private async ValueTask<RuleEvaluation> AwaitAsync(ValueTask<List<RuleResultTree>> running) => Map(await running);

    private RuleEvaluation Map(List<RuleResultTree> trees)
    {
        var results = new RuleResult[trees.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var tree = trees[i];
            if (MayHaveFailed(tree) && FirstFailure(tree) is { } failure)
            {
                throw new RuleEvaluationException(Name, Version, failure.Rule, failure.Message);
            }

            var rule = tree.Rule;
            results[i] = new RuleResult(rule.RuleName, tree.IsSuccess, rule.SuccessEvent, tree.IsSuccess ? null : rule.ErrorMessage, tree.ActionResult?.Output);
        }

        return new RuleEvaluation(Name, Version, results);
    }

    // The common case (no exception, no nested rules) is decided without walking the tree.
    private static bool MayHaveFailed(RuleResultTree tree) =>
        !string.IsNullOrEmpty(tree.ExceptionMessage) || tree.ActionResult?.Exception is not null || tree.ChildResults is not null;

    private static (string Rule, string Message)? FirstFailure(RuleResultTree tree)
    {
        if (!string.IsNullOrEmpty(tree.ExceptionMessage))
        {
            return (tree.Rule.RuleName, tree.ExceptionMessage);
        }

        if (tree.ActionResult?.Exception is { } exception)
        {
            return (tree.Rule.RuleName, $"action failed: {exception.Message}");
        }

        foreach (var child in tree.ChildResults ?? [])
        {
            if (FirstFailure(child) is { } failure)
            {
                return failure;
            }
        }

        return null;
    }

    private static IEnumerable<Rule> Flatten(IEnumerable<Rule>? rules) =>
        (rules ?? []).SelectMany(r => new[] { r }.Concat(Flatten(r.Rules)));
}

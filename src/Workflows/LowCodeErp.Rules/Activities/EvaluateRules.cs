using System.Collections;
using LowCodeErp.Rules.Engine;
using LowCodeErp.Rules.Model;
using LowCodeErp.Workflows.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Rules.Activities;

/// <summary>
/// Evaluates a rule set and branches on its SuccessEvents. The <see cref="Outcomes"/> input (UI hint
/// <c>dynamic-outcomes</c>, as Elsa's FlowFork and RunJavaScript) lists the SuccessEvents the flow branches on, one
/// port each; the activity completes with every listed event that was raised, or <c>NoMatch</c>. A rule that cannot be
/// evaluated faults the activity (an incident naming the rule), never a silent false.
/// </summary>
[Activity("Erp", "EvaluateRules", Category = "Rules", DisplayName = "Evaluate Rules",
    Description = "Evaluates a business rule set (Microsoft RulesEngine) and branches on the SuccessEvents of the successful rules.")]
[Outcomes(NoMatch)]
public sealed class EvaluateRules : Activity
{
    /// <summary>The port taken when no listed SuccessEvent was raised.</summary>
    public const string NoMatch = "NoMatch";

    /// <summary>Rule set name.</summary>
    [Input(Description = "The rule set (its WorkflowName).", UIHint = UIHints.SingleLine, IsRequired = true)]
    public Input<string>? RuleSet { get; set; }

    /// <summary>Pinned version; empty evaluates the published version.</summary>
    [Input(Description = "A pinned version; empty means the published version.", UIHint = UIHints.SingleLine)]
    public Input<int?>? RuleSetVersion { get; set; }

    /// <summary>The named inputs: an object whose properties are the rules' input names.</summary>
    [Input(Description = "An object of named inputs, e.g. { applicant: getApplicant(), lease: getLease() }; rules refer to applicant.creditScore.",
        UIHint = UIHints.JsonEditor, DefaultSyntax = ExpressionTypes.JavaScript)]
    public Input<object>? Inputs { get; set; }

    /// <summary>SuccessEvents to branch on (each is a port).</summary>
    [Input(Description = "The SuccessEvents to branch on; each becomes a port. NoMatch is taken when none was raised.", UIHint = UIHints.DynamicOutcomes)]
    public Input<List<string>>? Outcomes { get; set; }

    /// <summary>Every rule's result.</summary>
    [Output(Description = "Every rule's result: ruleName, isSuccess, successEvent, errorMessage, output.")]
    public Output<List<RuleResult>> Results { get; set; } = new();

    /// <summary>SuccessEvents of the successful rules.</summary>
    [Output(Description = "The SuccessEvents of the successful rules.")]
    public Output<List<string>> SuccessEvents { get; set; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ruleSet = await context.EvaluateAsync(RuleSet);
        if (string.IsNullOrWhiteSpace(ruleSet))
        {
            throw new InvalidOperationException("Erp.EvaluateRules: the rule set name is empty.");
        }

        var evaluator = context.Services.GetRequiredService<RuleEvaluator>();
        var inputs = NamedInputs(await context.EvaluateAsync(Inputs));
        var evaluation = await evaluator.EvaluateAsync(ruleSet, await context.EvaluateAsync(RuleSetVersion), inputs, context.CancellationToken);
        context.Set(Results, evaluation.Results.ToList());
        var raised = evaluation.SuccessEvents; // computed on each read: read once
        context.Set(SuccessEvents, raised.ToList());
        var ports = (await context.EvaluateAsync(Outcomes) ?? []).Where(o => raised.Contains(o, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        context.AddJournalEntry("RulesEvaluated", $"{ruleSet} v{evaluation.Version}: {(raised.Count == 0 ? "no SuccessEvent" : string.Join(", ", raised))}");
        await context.CompleteWithOutcomesAsync(ports.Count > 0 ? ports : [NoMatch]);
    }

    private static IEnumerable<KeyValuePair<string, object?>> NamedInputs(object? value) => ValueConversion.Unwrap(value) switch
    {
        null => [],
        IDictionary<string, object?> map => map,
        IDictionary map => map.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(k.ToString()!, map[k])),
        var other => throw new InvalidOperationException(
            $"Erp.EvaluateRules: 'inputs' must be an object of named inputs (e.g. {{ applicant: … }}), not {other.GetType().Name}."),
    };
}

using FluentAssertions;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Expressions.JavaScript;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;
using static LowCodeErp.Workflows.Core.Tests.Expressions.JavaScriptTestEvaluator;

namespace LowCodeErp.Workflows.Core.Tests.Expressions;

/// <summary>The evaluator as a whole: language features, errors, caching and use from definitions.</summary>
public sealed class JavaScriptEvaluatorTests
{
    private static readonly VariableDefinition Amount = ScriptFixture.Variable("Amount", "Int32", "150");
    private static readonly VariableDefinition Name = ScriptFixture.Variable("Name", "String", "World");

    [Fact]
    public async Task Template_literals_work()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Name, Amount]);

        Evaluate(context, "`Hello ${getName()}, you owe ${getAmount() * 2}!`").Should().Be("Hello World, you owe 300!");
    }

    [Fact]
    public async Task Top_level_return_is_allowed()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Amount], input: new Dictionary<string, object?> { ["Input1"] = 21 });

        Evaluate(context, "return getInput1() * 2").Should().Be(42d);
        Evaluate(context, "if (getAmount() > 100) return 'big';\nreturn 'small';").Should().Be("big");
    }

    [Fact]
    public async Task Syntax_errors_name_the_activity()
    {
        var context = await ScriptFixture.CaptureAsync();

        var act = () => Evaluate(context, "return 1 +");

        act.Should().Throw<JavaScriptEvaluationException>()
            .Where(e => e.Kind == JavaScriptErrorKind.Syntax && e.ActivityId == "Probe1")
            .WithMessage("JavaScript syntax error in activity 'Probe1' (Probe): *Script: return 1 +");
    }

    [Fact]
    public void Syntax_can_be_checked_without_running()
    {
        var evaluator = new JavaScriptEvaluator();

        evaluator.GetSyntaxError("return getAmount() > 1").Should().BeNull();
        evaluator.GetSyntaxError("return 1 +").Should().Be("Unexpected end of input (line 1, column 11)");
    }

    [Fact]
    public async Task Runtime_errors_name_the_activity_and_the_cause()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Amount]);

        var act = () => Evaluate(context, "getAmont() > 100");

        act.Should().Throw<JavaScriptEvaluationException>()
            .Where(e => e.Kind == JavaScriptErrorKind.Runtime)
            .WithMessage("JavaScript error in activity 'Probe1' (Probe): getAmont is not defined*");
    }

    [Fact]
    public async Task Scripts_are_parsed_once()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Amount]);
        var evaluator = new JavaScriptEvaluator();

        for (var i = 0; i < 3; i++)
        {
            (await evaluator.EvaluateAsync(Expression.JavaScript("getAmount() + 1"), typeof(object), context)).Should().Be(151d);
        }

        evaluator.CachedScriptCount.Should().Be(1);
    }

    [Fact]
    public async Task Empty_script_is_null()
    {
        var context = await ScriptFixture.CaptureAsync();

        (await new JavaScriptEvaluator().EvaluateAsync(Expression.JavaScript("  "), typeof(object), context)).Should().BeNull();
    }

    [Fact]
    public async Task Definitions_use_javascript_and_liquid_end_to_end()
    {
        using var host = new WorkflowTestHost();

        var workflow = await host.RunJsonAsync(EndToEndDefinition, new RunOptions { Input = new Dictionary<string, object?> { ["Customer"] = "ACME" } });

        workflow.Incidents.Should().BeEmpty();
        host.Lines.Should().Equal("Big order 150 for ACME", "Doubled: 300");
        workflow.Status.Should().Be(WorkflowStatus.Finished);
    }

    private const string EndToEndDefinition = """
        {
          "id": "js-e2e-v1", "definitionId": "js-e2e", "name": "JS end to end", "version": 1, "isLatest": true, "isPublished": true,
          "variables": [ { "id": "amount-id", "name": "Amount", "typeName": "Int32", "value": "150" } ],
          "root": {
            "type": "Elsa.Flowchart", "version": 1, "id": "Flowchart1",
            "activities": [
              { "id": "Decision1", "name": "Decision1", "type": "Elsa.FlowDecision", "version": 1,
                "condition": { "typeName": "Boolean", "expression": { "type": "JavaScript", "value": "getAmount() > 100" } } },
              { "id": "Script1", "name": "Script1", "type": "Elsa.RunJavaScript", "version": 1,
                "script": { "typeName": "String", "expression": { "type": "Literal", "value": "setOutcome(getAmount() > 1000 ? 'Huge' : 'Big');\nreturn getAmount() * 2;" } },
                "possibleOutcomes": { "typeName": "Object", "expression": { "type": "Object", "value": "[\"Huge\",\"Big\"]" } } },
              { "id": "WriteLine1", "type": "Elsa.WriteLine", "version": 1,
                "text": { "typeName": "String", "expression": { "type": "Liquid", "value": "Big order {{ Variables.Amount }} for {{ Input.Customer }}" } } },
              { "id": "WriteLine2", "type": "Elsa.WriteLine", "version": 1,
                "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Huge order" } } },
              { "id": "WriteLine3", "type": "Elsa.WriteLine", "version": 1,
                "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "`Doubled: ${getResultFromScript1()}`" } } }
            ],
            "connections": [
              { "source": { "activity": "Decision1", "port": "True" }, "target": { "activity": "Script1", "port": "In" } },
              { "source": { "activity": "Script1", "port": "Big" }, "target": { "activity": "WriteLine1", "port": "In" } },
              { "source": { "activity": "Script1", "port": "Huge" }, "target": { "activity": "WriteLine2", "port": "In" } },
              { "source": { "activity": "WriteLine1", "port": "Done" }, "target": { "activity": "WriteLine3", "port": "In" } }
            ]
          }
        }
        """;
}

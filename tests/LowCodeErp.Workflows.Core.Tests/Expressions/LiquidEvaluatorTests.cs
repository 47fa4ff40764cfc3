using System.Text.Json;
using FluentAssertions;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Expressions.Liquid;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Workflows.Core.Tests.Expressions;

public sealed class LiquidEvaluatorTests
{
    private static readonly VariableDefinition Name = ScriptFixture.Variable("Name", "String", "World");
    private static readonly VariableDefinition Order = ScriptFixture.Variable("Order", "Object", """{"Amount":12.5,"Lines":[{"Sku":"A"},{"Sku":"B"}],"Customer":{"Name":"ACME"}}""");

    [Fact]
    public async Task Renders_variables_and_inputs()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Name], input: new Dictionary<string, object?> { ["Greeting"] = "Hello", ["Count"] = 3 });

        (await RenderAsync(context, "{{ Input.Greeting }} {{ Variables.Name }}! x{{ Input.Count | plus: 1 }}")).Should().Be("Hello World! x4");
    }

    [Fact]
    public async Task Navigates_nested_objects_and_lists()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Order]);

        (await RenderAsync(context, "{{ Variables.Order.Amount }}|{{ Variables.Order.Customer.Name }}|{% for line in Variables.Order.Lines %}{{ line.Sku }}{% endfor %}|{{ Variables.Order.Lines | size }}"))
            .Should().Be("12.5|ACME|AB|2");
    }

    [Fact]
    public async Task Navigates_json_and_clr_values()
    {
        var context = await ScriptFixture.CaptureAsync(
            variables: [ScriptFixture.Variable("Customer")],
            input: new Dictionary<string, object?> { ["Payload"] = JsonDocument.Parse("""{"items":[{"id":7}]}""").RootElement.Clone() });
        context.SetVariable("Customer", new CustomerRecord("ACME", new AddressRecord("Berlin")));

        (await RenderAsync(context, "{{ Input.Payload.items[0].id }} {{ Variables.Customer.Name }} {{ Variables.Customer.Address.City }}"))
            .Should().Be("7 ACME Berlin");
    }

    [Fact]
    public async Task Exposes_workflow_data()
    {
        var context = await ScriptFixture.CaptureAsync(correlationId: "corr-1");
        context.WorkflowContext.Name = "Order A-1";

        (await RenderAsync(context, "{{ Workflow.InstanceId }}|{{ Workflow.CorrelationId }}|{{ Workflow.DefinitionId }}|{{ Workflow.Name }}"))
            .Should().Be($"{context.WorkflowContext.InstanceId}|corr-1|def|Order A-1");
        (await RenderAsync(context, "{{ CorrelationId }}|{{ WorkflowDefinitionId }}|{{ WorkflowInstanceId }}"))
            .Should().Be($"corr-1|def|{context.WorkflowContext.InstanceId}");
    }

    [Fact]
    public async Task Reads_current_values_and_missing_names_render_empty()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Name]);
        context.SetVariable("Name", "Elsa");

        (await RenderAsync(context, "[{{ Variables.Name }}][{{ Variables.Missing }}][{{ Input.Nope.Deeper }}]")).Should().Be("[Elsa][][]");
    }

    [Fact]
    public async Task Output_is_not_html_encoded()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Name]);
        context.SetVariable("Name", "<Tom & Jerry>");

        (await RenderAsync(context, "{{ Variables.Name }}")).Should().Be("<Tom & Jerry>");
    }

    [Fact]
    public async Task Elsa_filters_are_available()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Order, Name]);

        (await RenderAsync(context, "{{ Variables.Name | base64 }} {{ Variables.Order | keys | join: ',' }}")).Should().Be("V29ybGQ= Amount,Lines,Customer");
    }

    [Fact]
    public async Task Templates_are_parsed_once_and_empty_ones_are_null()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Name]);
        var evaluator = new LiquidEvaluator();

        for (var i = 0; i < 3; i++)
        {
            (await evaluator.EvaluateAsync(new Expression(ExpressionTypes.Liquid, "Hi {{ Variables.Name }}"), typeof(string), context)).Should().Be("Hi World");
        }

        evaluator.CachedTemplateCount.Should().Be(1);
        (await evaluator.EvaluateAsync(new Expression(ExpressionTypes.Liquid, " "), typeof(string), context)).Should().BeNull();
    }

    [Fact]
    public async Task Parse_errors_name_the_activity()
    {
        var context = await ScriptFixture.CaptureAsync();

        var act = async () => await RenderAsync(context, "{{ 'a' | upcase");

        (await act.Should().ThrowAsync<LiquidEvaluationException>())
            .Where(e => e.ActivityId == "Probe1")
            .WithMessage("Liquid syntax error in activity 'Probe1' (Probe): *Template: {{ 'a' | upcase");
    }

    [Fact]
    public void Syntax_can_be_checked_without_rendering()
    {
        var evaluator = new LiquidEvaluator();

        evaluator.GetSyntaxError("{{ Variables.Name | upcase }}").Should().BeNull();
        evaluator.GetSyntaxError("{% if x %}").Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Runaway_loops_are_stopped()
    {
        var context = await ScriptFixture.CaptureAsync();

        var act = async () => await RenderAsync(context, "{% for i in (1..100000000) %}x{% endfor %}", new LiquidOptions { MaxSteps = 10_000 });

        (await act.Should().ThrowAsync<LiquidEvaluationException>()).WithMessage("*limit of 10,000 steps*");
    }

    private static async Task<string> RenderAsync(ActivityExecutionContext context, string template, LiquidOptions? options = null) =>
        await new LiquidEvaluator(Options.Create(options ?? new LiquidOptions())).RenderAsync(template, context);

    private sealed record CustomerRecord(string Name, AddressRecord Address);

    private sealed record AddressRecord(string City);
}

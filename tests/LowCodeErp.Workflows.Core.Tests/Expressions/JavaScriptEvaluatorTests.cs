using Stopwatch = System.Diagnostics.Stopwatch;
using System.Dynamic;
using FluentAssertions;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Activities.Containers;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Expressions.JavaScript;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Workflows.Core.Tests.Expressions;

public sealed class JavaScriptEvaluatorTests
{
    private static readonly VariableDefinition Amount = ScriptFixture.Variable("Amount", "Int32", "150");
    private static readonly VariableDefinition Counter = ScriptFixture.Variable("counter", "Int32", "5");
    private static readonly VariableDefinition Name = ScriptFixture.Variable("Name", "String", "World");

    [Fact]
    public async Task Variable_getter_reads_the_current_value()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Amount]);

        Evaluate(context, "getAmount() > 100").Should().Be(true);
        Evaluate(context, "getAmount()").Should().Be(150d);
    }

    [Fact]
    public async Task Setter_writes_through_and_accessor_names_are_pascalized()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Counter]);

        Evaluate(context, "setCounter(getCounter() + 1); getCounter()").Should().Be(6d);

        context.GetVariable("counter").Should().Be(6);
    }

    [Fact]
    public async Task GetVariable_and_setVariable_work_by_name()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Counter, Name]);

        Evaluate(context, "setVariable('Name', 'Elsa'); getVariable('Name') + ':' + getVariable('counter')").Should().Be("Elsa:5");
        Evaluate(context, "getVariable('Missing')").Should().BeNull();

        context.GetVariable("Name").Should().Be("Elsa");
    }

    [Fact]
    public async Task SetVariable_of_an_undeclared_variable_fails_clearly()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Counter]);

        var act = () => Evaluate(context, "setVariable('Nope', 1)");

        act.Should().Throw<JavaScriptEvaluationException>()
            .Where(e => e.Kind == JavaScriptErrorKind.Runtime)
            .WithMessage("*Variable 'Nope' is not declared in scope*");
    }

    [Fact]
    public async Task Variables_object_reads_and_writes()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Counter, Name]);

        Evaluate(context, "variables.counter = variables.counter + 10; variables.Name + '/' + getCounter()").Should().Be("World/15");

        context.GetVariable("counter").Should().Be(15);
        Evaluate(context, "Object.keys(variables).sort().join(',')").Should().Be("Name,counter");
    }

    [Fact]
    public async Task Objects_mutated_in_place_are_written_back()
    {
        var order = ScriptFixture.Variable("Order", "Object", """{"id":"A-1","status":"New","lines":[{"qty":1}]}""");
        var context = await ScriptFixture.CaptureAsync(variables: [order]);

        Evaluate(context, "variables.Order.status = 'Paid'; getOrder().lines.push({ qty: 2 }); getOrder().lines.length").Should().Be(2d);

        var stored = (IDictionary<string, object?>)context.GetVariable("Order")!;
        stored["status"].Should().Be("Paid");
        stored["lines"].Should().BeAssignableTo<IList<object?>>().Which.Should().HaveCount(2);
    }

    [Fact]
    public async Task Getters_return_copies()
    {
        var order = ScriptFixture.Variable("Order", "Object", """{"status":"New"}""");
        var context = await ScriptFixture.CaptureAsync(variables: [order]);

        Evaluate(context, "getOrder().status = 'Paid'; getOrder().status").Should().Be("New");

        ((IDictionary<string, object?>)context.GetVariable("Order")!)["status"].Should().Be("New");
    }

    [Fact]
    public async Task Values_a_variable_cannot_hold_fail_clearly()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Amount]);

        var act = () => Evaluate(context, "setAmount('abc')");

        act.Should().Throw<JavaScriptEvaluationException>()
            .Where(e => e.Kind == JavaScriptErrorKind.Conversion)
            .WithMessage("*Cannot convert 'abc' to Int32*");
    }

    [Fact]
    public async Task Objects_only_read_are_not_replaced()
    {
        var order = ScriptFixture.Variable("Order", "Object", """{"id":"A-1","amount":12.5}""");
        var context = await ScriptFixture.CaptureAsync(variables: [order]);
        var before = context.GetVariable("Order");

        Evaluate(context, "getOrder().amount > 10 && variables.Order.id === 'A-1'").Should().Be(true);

        context.GetVariable("Order").Should().BeSameAs(before);
    }

    [Fact]
    public async Task Nearest_scope_variable_wins()
    {
        var inner = new VariableDefinition { Id = "inner-name", Name = "Name", TypeName = "String", Value = "Inner" };
        var context = await ScriptFixture.CaptureAsync(variables: [Name], sequenceVariables: [inner]);

        Evaluate(context, "getName() + variables.Name + getVariable('Name')").Should().Be("InnerInnerInner");
    }

    [Fact]
    public async Task Inputs_have_accessors_and_variables_win_over_inputs()
    {
        var context = await ScriptFixture.CaptureAsync(
            variables: [Amount],
            input: new Dictionary<string, object?> { ["OrderId"] = "A-42", ["Amount"] = 1, ["quantity"] = 3L },
            inputs: [new ArgumentDefinition { Name = "Missing", Type = "String" }]);

        Evaluate(context, "getOrderId()").Should().Be("A-42");
        Evaluate(context, "getInput('OrderId')").Should().Be("A-42");
        Evaluate(context, "getQuantity() * 2").Should().Be(6d);
        Evaluate(context, "getAmount()").Should().Be(150d);
        Evaluate(context, "getMissing()").Should().BeNull();
        Evaluate(context, "getInput('Nope')").Should().BeNull();
    }

    [Fact]
    public async Task Output_accessors_read_the_latest_outputs_of_named_activities()
    {
        var child = new EmitOutputs { Id = "child1", Name = "ChildWithOutput1", ResultValue = "Hello", TotalValue = 42 };
        var spaced = new EmitOutputs { Id = "child2", Name = "Child with output", ResultValue = new Dictionary<string, object?> { ["a"] = 1 } };
        var context = await ScriptFixture.CaptureAsync(before: [child, spaced]);

        Evaluate(context, "getResultFromChildWithOutput1()").Should().Be("Hello");
        Evaluate(context, "getTotalFromChildWithOutput1() + 1").Should().Be(43d);
        Evaluate(context, "getResultFromChildWithOutput().a").Should().Be(1d);
        Evaluate(context, "getOutputFrom('ChildWithOutput1')").Should().Be("Hello");
        Evaluate(context, "getOutputFrom('child1', 'Total')").Should().Be(42d);
        Evaluate(context, "getLastResult()").Should().BeAssignableTo<IDictionary<string, object?>>();
        Evaluate(context, "typeof getNopeFromChildWithOutput1").Should().Be("undefined");
    }

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
    public async Task SetOutcome_and_setOutcomes_replace_the_requested_outcomes()
    {
        var context = await ScriptFixture.CaptureAsync();

        Evaluate(context, "setOutcome('Approved'); setOutcome('Rejected')");
        context.RequestedOutcomes.Should().Equal("Rejected");

        Evaluate(context, "setOutcomes(['A', 'B'])");
        context.RequestedOutcomes.Should().Equal("A", "B");
    }

    [Fact]
    public async Task Objects_and_arrays_come_back_as_plain_values()
    {
        var context = await ScriptFixture.CaptureAsync();

        var result = Evaluate(context, "({ name: 'x', count: 3, items: [1, 'a', { ok: true }], none: null, skipped: undefined, when: new Date(Date.UTC(2024, 0, 2)) })");

        var map = result.Should().BeOfType<ExpandoObject>().Which as IDictionary<string, object?>;
        map["name"].Should().Be("x");
        map["count"].Should().Be(3d);
        map["none"].Should().BeNull();
        map["skipped"].Should().BeNull();
        map["when"].Should().Be("2024-01-02T00:00:00.0000000+00:00");
        var items = map["items"].Should().BeOfType<List<object?>>().Which;
        items[0].Should().Be(1d);
        items[1].Should().Be("a");
        ((IDictionary<string, object?>)items[2]!)["ok"].Should().Be(true);
    }

    [Fact]
    public async Task Clr_values_reach_scripts_as_plain_json_data()
    {
        var order = ScriptFixture.Variable("Order");
        var context = await ScriptFixture.CaptureAsync(variables: [order]);
        context.SetVariable("Order", new OrderRecord("A-1", 12.5m, ["x", "y"], new Dictionary<string, object?> { ["Key One"] = 1 }));

        Evaluate(context, "const o = getOrder(); [o.orderId, o.amount, o.tags.length, o.extra['Key One'], typeof o.GetType, Array.isArray(o.tags)].join('|')")
            .Should().Be("A-1|12.5|2|1|undefined|true");
    }

    [Fact]
    public async Task Workflow_helpers_read_and_write_instance_data()
    {
        var context = await ScriptFixture.CaptureAsync(correlationId: "corr-1");

        Evaluate(context, "getWorkflowInstanceId()").Should().Be(context.WorkflowContext.InstanceId);
        Evaluate(context, "getWorkflowDefinitionId()").Should().Be("def");
        Evaluate(context, "getCorrelationId()").Should().Be("corr-1");
        Evaluate(context, "setCorrelationId('corr-2'); setWorkflowInstanceName('Order A-1'); getWorkflowInstanceName()").Should().Be("Order A-1");

        context.WorkflowContext.CorrelationId.Should().Be("corr-2");
        context.WorkflowContext.Name.Should().Be("Order A-1");
    }

    [Fact]
    public async Task Utility_helpers_behave_like_Elsa()
    {
        var context = await ScriptFixture.CaptureAsync();

        Guid.TryParse((string)Evaluate(context, "newGuid()")!, out _).Should().BeTrue();
        Guid.TryParse((string)Evaluate(context, "newGuidString()")!, out _).Should().BeTrue();
        ((string)Evaluate(context, "newShortGuid()")!).Should().MatchRegex("^[A-Za-z0-9]{20,22}$");
        Evaluate(context, "toJson({ a: 1, b: [true, null] })").Should().Be("""{"a":1,"b":[true,null]}""");
        Evaluate(context, "parseGuid('6F9619FF-8B86-D011-B42D-00C04FC964FF')").Should().Be("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        Evaluate(context, "[isNullOrEmpty(null), isNullOrEmpty(''), isNullOrEmpty('a'), isNullOrWhiteSpace('  '), isNullOrWhiteSpace('a')].join()")
            .Should().Be("true,true,false,true,false");
        Evaluate(context, "stringFromBase64(stringToBase64('grüße'))").Should().Be("grüße");
    }

    [Fact]
    public async Task Script_with_eval_still_sees_accessors()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Amount]);

        Evaluate(context, "eval('get' + 'Amount()') + globalThis.getAmount()").Should().Be(300d);
    }

    [Fact]
    public async Task Endless_loop_times_out_within_the_time_limit()
    {
        var context = await ScriptFixture.CaptureAsync();
        var options = new JavaScriptOptions { TimeLimit = TimeSpan.FromMilliseconds(200), MaxStatements = 0 };
        var stopwatch = Stopwatch.StartNew();

        var act = () => Evaluate(context, "while (true) {}", options);

        act.Should().Throw<JavaScriptEvaluationException>()
            .Where(e => e.Kind == JavaScriptErrorKind.Timeout)
            .WithMessage("JavaScript timed out after 200 ms in activity 'Probe1' (Probe).*");
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Endless_loop_hits_the_statement_limit()
    {
        var context = await ScriptFixture.CaptureAsync();
        var options = new JavaScriptOptions { MaxStatements = 10_000, TimeLimit = TimeSpan.FromSeconds(60) };

        var act = () => Evaluate(context, "for (;;) {}", options);

        act.Should().Throw<JavaScriptEvaluationException>()
            .Where(e => e.Kind == JavaScriptErrorKind.StatementLimit)
            .WithMessage("JavaScript exceeded the limit of 10,000 statements in activity 'Probe1' (Probe)*");
    }

    [Fact]
    public async Task Cancelling_the_workflow_aborts_a_running_script()
    {
        var context = await ScriptFixture.CaptureAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        context.WorkflowContext.CancellationToken = cancellation.Token;

        var act = () => Evaluate(context, "while (true) {}", new JavaScriptOptions { TimeLimit = TimeSpan.FromSeconds(30), MaxStatements = 0 });

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public async Task Recursion_is_limited()
    {
        var context = await ScriptFixture.CaptureAsync();

        var act = () => Evaluate(context, "function f(n) { return f(n + 1); } f(0)", new JavaScriptOptions { RecursionLimit = 50 });

        act.Should().Throw<JavaScriptEvaluationException>()
            .Where(e => e.Kind == JavaScriptErrorKind.RecursionLimit)
            .WithMessage("*recursion limit of 50*");
    }

    [Fact]
    public async Task Memory_is_limited()
    {
        var context = await ScriptFixture.CaptureAsync();

        var options = new JavaScriptOptions { MemoryLimit = 4L * 1024 * 1024, MaxStatements = 0, TimeLimit = TimeSpan.FromSeconds(30) };

        var act = () => Evaluate(context, "const a = []; while (true) { a.push(new Array(10000).fill(a.length)); }", options);

        act.Should().Throw<JavaScriptEvaluationException>().Where(e => e.Kind == JavaScriptErrorKind.MemoryLimit);
    }

    [Fact]
    public async Task Scripts_cannot_reach_the_clr()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [ScriptFixture.Variable("Order", "Object", """{"a":1}""")]);

        Evaluate(context, "[typeof System, typeof importNamespace, typeof clrHelper, typeof require, typeof getOrder().GetType].join()")
            .Should().Be("undefined,undefined,undefined,undefined,undefined");
        Evaluate(context, "typeof getAmount === 'undefined' && getOrder().constructor === Object").Should().Be(true);
        Evaluate(context, "Function('return typeof System')()").Should().Be("undefined");
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

    private static object? Evaluate(ActivityExecutionContext context, string script, JavaScriptOptions? options = null) =>
        new JavaScriptEvaluator(Options.Create(options ?? new JavaScriptOptions())).Evaluate(script, context);

    private sealed record OrderRecord(string OrderId, decimal Amount, List<string> Tags, Dictionary<string, object?> Extra);
}

/// <summary>Runs a tiny workflow (variables, inputs, activities before a probe) and hands out the probe's live context.</summary>
internal static class ScriptFixture
{
    public static VariableDefinition Variable(string name, string typeName = "Object", string? value = null) =>
        new() { Id = $"{name}-id", Name = name, TypeName = typeName, Value = value };

    public static async Task<ActivityExecutionContext> CaptureAsync(
        IEnumerable<VariableDefinition>? variables = null,
        IDictionary<string, object?>? input = null,
        IEnumerable<ArgumentDefinition>? inputs = null,
        IEnumerable<Activity>? before = null,
        IEnumerable<VariableDefinition>? sequenceVariables = null,
        string? correlationId = null)
    {
        var probe = new ProbeActivity { Id = "Probe1", Name = "Probe" };
        var definition = new WorkflowDefinition
        {
            Id = "def-v1",
            DefinitionId = "def",
            Name = "Scripting",
            Variables = [.. variables ?? []],
            Inputs = [.. inputs ?? []],
            Root = new Sequence { Id = "Sequence1", Variables = [.. sequenceVariables ?? []], Activities = [.. before ?? [], probe] },
        };

        using var host = new WorkflowTestHost();
        var workflow = await host.RunAsync(definition, new RunOptions { Input = input, CorrelationId = correlationId });
        workflow.Incidents.Should().BeEmpty();
        return probe.Captured ?? throw new InvalidOperationException("The probe did not run.");
    }
}

/// <summary>Remembers the context it ran in.</summary>
internal sealed class ProbeActivity : CodeActivity
{
    public ActivityExecutionContext? Captured { get; private set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        Captured = (ActivityExecutionContext)context;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Produces two outputs.</summary>
internal sealed class EmitOutputs : CodeActivity
{
    public object? ResultValue { get; init; }
    public object? TotalValue { get; init; }

    [Output]
    public Output<object> Result { get; set; } = new();

    [Output]
    public Output<object> Total { get; set; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.Set(Result, ResultValue);
        if (TotalValue is not null)
        {
            context.Set(Total, TotalValue);
        }

        return ValueTask.CompletedTask;
    }
}

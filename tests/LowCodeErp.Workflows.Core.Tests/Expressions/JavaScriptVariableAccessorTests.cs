using FluentAssertions;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Expressions.JavaScript;
using static LowCodeErp.Workflows.Core.Tests.Expressions.JavaScriptTestEvaluator;

namespace LowCodeErp.Workflows.Core.Tests.Expressions;

/// <summary>Variable accessors: getters, setters, <c>getVariable</c>/<c>setVariable</c>, the <c>variables</c> object and copy-back.</summary>
public sealed class JavaScriptVariableAccessorTests
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
}

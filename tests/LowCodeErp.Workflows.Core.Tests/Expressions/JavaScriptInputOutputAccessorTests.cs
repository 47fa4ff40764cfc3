using FluentAssertions;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Model;
using static LowCodeErp.Workflows.Core.Tests.Expressions.JavaScriptTestEvaluator;

namespace LowCodeErp.Workflows.Core.Tests.Expressions;

/// <summary>Input and activity-output accessors, also when reached by computed names.</summary>
public sealed class JavaScriptInputOutputAccessorTests
{
    private static readonly VariableDefinition Amount = ScriptFixture.Variable("Amount", "Int32", "150");

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
    public async Task Script_with_eval_still_sees_accessors()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [Amount]);

        Evaluate(context, "eval('get' + 'Amount()') + globalThis.getAmount()").Should().Be(300d);
    }
}

using System.Dynamic;
using FluentAssertions;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Expressions.JavaScript;
using static LowCodeErp.Workflows.Core.Tests.Expressions.JavaScriptTestEvaluator;

namespace LowCodeErp.Workflows.Core.Tests.Expressions;

/// <summary>Values crossing between CLR and JavaScript.</summary>
public sealed class JavaScriptConversionTests
{
    private static readonly VariableDefinition Amount = ScriptFixture.Variable("Amount", "Int32", "150");

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

    private sealed record OrderRecord(string OrderId, decimal Amount, List<string> Tags, Dictionary<string, object?> Extra);
}

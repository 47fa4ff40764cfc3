using FluentAssertions;
using static LowCodeErp.Workflows.Core.Tests.Expressions.JavaScriptTestEvaluator;

namespace LowCodeErp.Workflows.Core.Tests.Expressions;

/// <summary>Workflow, utility and outcome helper functions.</summary>
public sealed class JavaScriptHelperTests
{
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
        ((string)Evaluate(context, "newShortGuid()")!).Should().MatchRegex("^[A-Za-z0-9_-]{22}$");
        Evaluate(context, "toJson({ a: 1, b: [true, null] })").Should().Be("""{"a":1,"b":[true,null]}""");
        Evaluate(context, "parseGuid('6F9619FF-8B86-D011-B42D-00C04FC964FF')").Should().Be("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        Evaluate(context, "[isNullOrEmpty(null), isNullOrEmpty(''), isNullOrEmpty('a'), isNullOrWhiteSpace('  '), isNullOrWhiteSpace('a')].join()")
            .Should().Be("true,true,false,true,false");
        Evaluate(context, "stringFromBase64(stringToBase64('grüße'))").Should().Be("grüße");
    }
}

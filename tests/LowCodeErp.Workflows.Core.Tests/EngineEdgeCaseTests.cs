using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests;

/// <summary>Edge cases found in review: each test pins one behaviour that was once wrong.</summary>
public sealed class EngineEdgeCaseTests
{
    private static string Flow(string activities, string connections) =>
        $$$"""{"definitionId":"d","root":{"id":"fc","type":"Elsa.Flowchart","activities":[{{{activities}}}],"connections":[{{{connections}}}]}}""";

    private static string Line(string id, string text) =>
        $$$$"""{"id":"{{{{id}}}}","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"{{{{text}}}}"}}}""";

    private static string Edge(string from, string to, string port = "Done") =>
        $$$"""{"source":{"activity":"{{{from}}}","port":"{{{port}}}"},"target":{"activity":"{{{to}}}","port":"In"}}""";

    [Fact]
    public async Task Cascade_should_run_the_target_once_per_arriving_token()
    {
        using var host = new WorkflowTestHost();
        var json = Flow(
            """{"id":"fork","type":"Elsa.FlowFork","branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"A\",\"B\"]"}}},""" +
            Line("a", "a") + "," + Line("b", "b") + "," +
            """{"id":"x","type":"Elsa.WriteLine","customProperties":{"mergeMode":"Cascade"},"text":{"typeName":"String","expression":{"type":"Literal","value":"x"}}}""",
            string.Join(",", Edge("fork", "a", "A"), Edge("fork", "b", "B"), Edge("a", "x"), Edge("b", "x")));

        var workflow = await host.RunJsonAsync(json, new RunOptions { FlowchartMode = FlowchartExecutionMode.TokenBased });

        host.Lines.Should().Equal("a", "b", "x", "x");
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Faulted_instance_should_keep_no_bookmarks_of_other_branches()
    {
        using var host = new WorkflowTestHost();
        var json = Flow(
            """{"id":"fork","type":"Elsa.FlowFork","branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"A\",\"B\"]"}}},""" +
            """{"id":"wait","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":"go"}}},""" +
            """{"id":"boom","type":"Elsa.Fault","message":{"typeName":"String","expression":{"type":"Literal","value":"boom"}}}""",
            string.Join(",", Edge("fork", "wait", "A"), Edge("fork", "boom", "B")));

        var workflow = await host.RunJsonAsync(json);

        workflow.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        workflow.Bookmarks.Should().BeEmpty("nothing may resume a finished instance");
        workflow.Incidents.Should().ContainSingle().Which.Message.Should().Be("boom");
    }

    [Fact]
    public void Omitted_input_should_take_the_declared_default_value_when_read()
    {
        using var host = new WorkflowTestHost();
        var json = Flow("""{"id":"fork","type":"Elsa.FlowFork"}""", "");

        var definition = host.Load(("d.json", json))[0];

        var fork = ((Flowcharts.Flowchart)definition.Root).Activities.OfType<Activities.Branching.FlowFork>().Single();
        fork.Branches.Should().NotBeNull("FlowFork declares DefaultValue = [\"Done\"] for Branches");
        fork.Branches!.Expression.Type.Should().Be("Literal");
        fork.Branches.Expression.Value.Should().BeEquivalentTo(new[] { "Done" });
    }

    [Fact]
    public void Dangling_connection_error_should_name_its_own_index_after_an_unreadable_connection()
    {
        using var host = new WorkflowTestHost();
        var json = Flow(Line("a", "a"), """{"source":{"port":"Done"}},""" + Edge("a", "ghost"));

        var errors = host.Loader.Load([("d.json", json)]).Single().FormatErrors().ToList();

        errors.Should().Equal(
            "d.json:$.root.connections[0]: connection needs a source and a target activity",
            "d.json:$.root.connections[1].target.activity: connection ends at unknown activity 'ghost' (activity fc)");
    }

    [Fact]
    public async Task WaitAny_join_should_run_once_when_the_fast_branch_is_wired_before_the_branch_it_cancels()
    {
        using var host = new WorkflowTestHost();
        var json = Flow(
            """{"id":"fork","type":"Elsa.FlowFork","branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"Fast\",\"Slow\"]"}}},""" +
            Line("fast", "fast") + "," +
            """{"id":"wait","type":"Elsa.Delay","timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"01:00:00"}}},""" +
            """{"id":"join","type":"Elsa.FlowJoin","mode":{"typeName":"String","expression":{"type":"Literal","value":"WaitAny"}}},""" +
            Line("after", "after join"),
            string.Join(",", Edge("fork", "fast", "Fast"), Edge("fork", "wait", "Slow"), Edge("fast", "join"), Edge("wait", "join"), Edge("join", "after")));

        var workflow = await host.RunJsonAsync(json);

        host.Lines.Should().Equal("fast", "after join");
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        workflow.Bookmarks.Should().BeEmpty("the delay branch was cancelled by the join");
    }
}

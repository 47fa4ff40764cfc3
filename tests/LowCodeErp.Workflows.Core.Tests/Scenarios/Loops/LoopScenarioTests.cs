using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests.Scenarios.Loops;

/// <summary>ForEach, For, While, Break (directly, inside Sequence/If/Flowchart bodies) and flowchart back-edges.</summary>
public sealed class LoopScenarioTests
{
    private const string Area = "Loops";

    // A loop that fails to stop must fail the test quickly instead of writing a million lines.
    private static WorkflowTestHost NewHost() => new(o => o.MaxActivityExecutionsPerBurst = 2_000);

    [Fact]
    public async Task ForEach_should_run_the_body_per_item_with_the_current_value_bound_to_a_variable()
    {
        using var host = NewHost();

        var workflow = await Scenario.RunAsync(host, Area, "foreach.json");

        host.Lines.Should().Equal(["apple", "banana", "cherry", "after loop"], "{0}", Scenario.Describe(workflow, host));
        workflow.Variables["Fruit"].Should().Be("cherry", "currentValue is written to the variable through its memory reference");
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Break_should_leave_the_ForEach_and_skip_the_rest_of_the_Sequence_when_it_is_in_the_body_sequence()
    {
        using var host = NewHost();

        var workflow = await Scenario.RunAsync(host, Area, "foreach-break-sequence.json");

        host.Lines.Should().Equal(["1", "after loop"], "{0}", Scenario.Describe(workflow, host));
        Scenario.CompletedCount(workflow, "w-unreachable").Should().Be(0);
    }

    [Fact]
    public async Task Break_should_stop_the_enclosing_Sequence_when_it_completes_inside_an_If_in_the_loop_body()
    {
        // Elsa's Sequence handles BreakSignal by marking itself as breaking and completes on the next child completion
        // (elsa-core Activities/Sequence.cs OnBreakSignalReceived / OnChildCompleted): the WriteLine after the If does not run
        // in the breaking iteration.
        using var host = NewHost();

        var workflow = await Scenario.RunAsync(host, Area, "foreach-break-in-if.json");

        host.Lines.Should().Equal(["iteration", "iteration", "after loop"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task Break_should_leave_the_ForEach_when_it_is_reached_inside_a_flowchart_body()
    {
        using var host = NewHost();

        var workflow = await Scenario.RunAsync(host, Area, "foreach-break-flowchart.json");

        host.Lines.Should().Equal(["iteration", "iteration", "after loop"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Theory]
    [InlineData("for-inclusive.json", new[] { "1", "2", "3" })]
    [InlineData("for-exclusive.json", new[] { "1", "2" })]
    [InlineData("for-step.json", new[] { "0", "2", "4", "6" })]
    public async Task For_should_iterate_from_start_to_end_by_step_when_run(string file, string[] expected)
    {
        using var host = NewHost();

        var workflow = await Scenario.RunAsync(host, Area, file);

        host.Lines.Should().Equal([.. expected, "after loop"], "{0}", Scenario.Describe(workflow, host));
        workflow.Variables["I"].Should().Be(int.Parse(expected[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Break_should_leave_the_For_loop_when_a_decision_in_the_flowchart_body_takes_it()
    {
        using var host = NewHost();

        var workflow = await Scenario.RunAsync(host, Area, "for-break-flowchart.json");

        host.Lines.Should().Equal(["1", "2", "after loop"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task While_should_reevaluate_its_javascript_condition_before_every_iteration()
    {
        using var host = NewHost();

        var workflow = await Scenario.RunAsync(host, Area, "while-counter.json");

        host.Lines.Should().Equal(["1", "2", "3", "after loop"], "{0}", Scenario.Describe(workflow, host));
        workflow.Variables["Count"].Should().Be(3);
    }

    [Fact]
    public async Task Break_should_end_an_endless_While_when_reached_in_the_body_sequence()
    {
        using var host = NewHost();

        var workflow = await Scenario.RunAsync(host, Area, "while-break.json");

        host.Lines.Should().Equal(["tick", "after loop"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Flowchart_should_loop_through_a_backward_connection_until_the_decision_leaves_the_loop()
    {
        using var host = NewHost();

        var workflow = await Scenario.RunAsync(host, Area, "flowchart-loop.json");

        host.Lines.Should().Equal(["1", "2", "3", "done"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Break_should_leave_only_the_nearest_loop_when_loops_are_nested()
    {
        using var host = NewHost();

        var workflow = await Scenario.RunAsync(host, Area, "nested-loop-break.json");

        host.Lines.Should().Equal(["x1", "y1", "after loops"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task Finish_should_end_the_workflow_from_inside_a_loop_body()
    {
        // Elsa.Finish clears the scheduler and completion callbacks: no further iteration, nothing after the loop.
        using var host = NewHost();

        var workflow = await Scenario.RunAsync(host, Area, "finish-in-loop.json");

        host.Lines.Should().Equal(["1"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }
}

using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests.Scenarios.TokenFlow;

/// <summary>
/// Elsa's opt-in token-based flowchart mode with per-activity <c>customProperties.mergeMode</c> (research §3.6,
/// elsa-core Activities/Flowchart/Activities/Flowchart.Tokens.cs). The mode is chosen per run or per host.
/// </summary>
public sealed class TokenFlowScenarioTests
{
    private const string Area = "TokenFlow";
    private static readonly RunOptions TokenBased = new() { FlowchartMode = FlowchartExecutionMode.TokenBased };

    private static RunOptions TokenBasedWith(string name, object? value) =>
        new() { FlowchartMode = FlowchartExecutionMode.TokenBased, Input = new Dictionary<string, object?> { [name] = value } };

    [Fact]
    public async Task Stream_should_run_the_merge_once_after_both_parallel_branches_when_no_merge_mode_is_set()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "fork-stream.json", TokenBased);

        host.Lines.Should().Equal(["a", "b", "merged"], "{0}", Scenario.Describe(workflow, host));
        Scenario.CompletedCount(workflow, "w-merged").Should().Be(1);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Stream_should_proceed_past_the_untaken_decision_branch_when_the_mode_comes_from_the_host_option()
    {
        using var host = new WorkflowTestHost(o => o.DefaultFlowchartMode = FlowchartExecutionMode.TokenBased);

        var workflow = await Scenario.RunWithInputAsync(host, Area, "decision-stream.json", ("Flag", true));

        workflow.FlowchartMode.Should().Be(FlowchartExecutionMode.TokenBased);
        host.Lines.Should().Equal(["yes", "merged"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Merge_should_wait_for_a_token_on_every_inbound_connection_and_run_once_when_both_branches_arrive()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "fork-merge.json", TokenBased);

        host.Lines.Should().Equal(["a", "b1", "b2", "merged"], "{0}", Scenario.Describe(workflow, host));
        Scenario.CompletedCount(workflow, "w-merged").Should().Be(1);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Merge_should_not_run_when_a_decision_leaves_one_inbound_connection_without_a_token()
    {
        // Unlike the counter-based implicit join, Merge has no dead-path elimination (Elsa fork-decision-join-converge asserts
        // the same for a Merge target behind an untaken branch).
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "decision-merge.json", TokenBasedWith("Flag", true));

        host.Lines.Should().Equal(["yes"], "{0}", Scenario.Describe(workflow, host));
        Scenario.CompletedCount(workflow, "w-merged").Should().Be(0);
    }

    [Fact]
    public async Task Counter_based_mode_should_ignore_mergeMode_and_join_past_the_untaken_branch_of_the_same_definition()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "decision-merge.json", ("Flag", true));

        workflow.FlowchartMode.Should().Be(FlowchartExecutionMode.CounterBased);
        host.Lines.Should().Equal(["yes", "merged"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task Race_should_run_the_target_on_the_first_arrival_and_cancel_the_blocked_branch()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "race.json", TokenBased);

        host.Lines.Should().Equal(["fast", "winner decided"], "{0}", Scenario.Describe(workflow, host));
        workflow.Bookmarks.Should().BeEmpty("the Event of the losing branch is an inbound ancestor and is cancelled");
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Race_should_block_the_late_arrival_so_the_target_runs_once()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "race-late-arrival.json", TokenBased);

        host.Lines.Should().Equal(["a", "b", "winner decided"], "{0}", Scenario.Describe(workflow, host));
        Scenario.CompletedCount(workflow, "w-winner").Should().Be(1);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Token_based_mode_should_loop_through_a_backward_connection()
    {
        using var host = new WorkflowTestHost(o => o.MaxActivityExecutionsPerBurst = 2_000);

        var workflow = await Scenario.RunAsync(host, Area, "loop.json", TokenBased);

        host.Lines.Should().Equal(["1", "2", "3", "done"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task FlowJoin_WaitAny_should_race_and_cancel_the_blocked_delay_branch_in_token_based_mode()
    {
        // In token flow FlowJoin maps WaitAny to Race (research §3.6).
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "flowjoin-wait-any.json", TokenBased);

        host.Lines.Should().Equal(["fast", "after join"], "{0}", Scenario.Describe(workflow, host));
        workflow.Bookmarks.Should().BeEmpty();
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }
}

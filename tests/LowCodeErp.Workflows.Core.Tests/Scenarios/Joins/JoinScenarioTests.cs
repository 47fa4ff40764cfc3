using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests.Scenarios.Joins;

/// <summary>
/// Counter-based flowchart joins (Elsa's default mode, research §3.6): implicit WaitAllActive joins with dead-path
/// propagation, and explicit FlowJoin in WaitAll, WaitAllActive and WaitAny.
/// </summary>
public sealed class JoinScenarioTests
{
    private const string Area = "Joins";

    [Fact]
    public async Task FlowFork_should_run_both_branches_and_the_implicit_join_once_when_both_complete()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "fork-implicit-join.json");

        host.Lines.Should().Equal(["left", "right", "joined"], "{0}", Scenario.Describe(workflow, host));
        Scenario.CompletedCount(workflow, "w-joined").Should().Be(1);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Theory]
    [InlineData(true, new[] { "express", "ship" })]
    [InlineData(false, new[] { "standard-1", "standard-2", "ship" })]
    public async Task Implicit_join_should_run_once_when_the_untaken_decision_branch_is_skipped_through_a_chain(bool express, string[] expected)
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "decision-into-join.json", ("Express", express));

        host.Lines.Should().Equal(expected, "{0}", Scenario.Describe(workflow, host));
        Scenario.CompletedCount(workflow, "w-ship").Should().Be(1);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task FlowJoin_WaitAll_should_continue_when_every_inbound_branch_was_followed()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "join-wait-all.json", ("TakeB", true));

        host.Lines.Should().Equal(["a", "b", "after join"], "{0}", Scenario.Describe(workflow, host));
        Scenario.CompletedCount(workflow, "join").Should().Be(1);
    }

    [Fact]
    public async Task FlowJoin_WaitAll_should_be_skipped_when_an_inbound_branch_was_not_followed()
    {
        // WaitAll: all inbound visited but not all followed → the join is skipped (elsa-core Flowchart.Counters.cs MaybeScheduleWaitAllActivityAsync).
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "join-wait-all.json", ("TakeB", false));

        host.Lines.Should().Equal(["a"], "{0}", Scenario.Describe(workflow, host));
        Scenario.CompletedCount(workflow, "join").Should().Be(0);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Theory]
    [InlineData(true, new[] { "a", "b", "after join" })]
    [InlineData(false, new[] { "a", "after join" })]
    public async Task FlowJoin_WaitAllActive_should_continue_once_when_the_activated_branches_arrived(bool takeB, string[] expected)
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "join-wait-all-active.json", ("TakeB", takeB));

        host.Lines.Should().Equal(expected, "{0}", Scenario.Describe(workflow, host));
        Scenario.CompletedCount(workflow, "join").Should().Be(1);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task FlowJoin_WaitAny_should_cancel_the_blocked_delay_branch_when_the_other_branch_arrives()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "join-wait-any-cancels-delay.json");

        host.Lines.Should().Equal(["fast", "after join"], "{0}", Scenario.Describe(workflow, host));
        workflow.Bookmarks.Should().BeEmpty("the Delay's bookmark is removed when its branch is cancelled");
        Scenario.HasJournalEvent(workflow, "delay", "Canceled").Should().BeTrue();
        Scenario.CompletedCount(workflow, "w-after").Should().Be(1);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task FlowJoin_WaitAny_should_continue_on_the_first_resumed_event_and_drop_the_other_bookmark()
    {
        using var host = new WorkflowTestHost();
        var workflow = await Scenario.RunAsync(host, Area, "join-wait-any-events.json");
        workflow.Bookmarks.Should().HaveCount(2, "{0}", Scenario.Describe(workflow, host));

        await Scenario.ResumeAsync(host, workflow, workflow.Bookmarks.Single(b => b.ActivityId == "ev-approved"));

        host.Lines.Should().Equal(["approved", "decided"], "{0}", Scenario.Describe(workflow, host));
        workflow.Bookmarks.Should().BeEmpty("the Rejected event is an inbound ancestor of the WaitAny join and gets cancelled");
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Implicit_join_should_wait_for_both_events_and_run_once_when_they_are_resumed_one_by_one()
    {
        using var host = new WorkflowTestHost();
        var workflow = await Scenario.RunAsync(host, Area, "events-implicit-join.json");

        await Scenario.ResumeAsync(host, workflow, workflow.Bookmarks.Single(b => b.ActivityId == "ev-a"));

        host.Lines.Should().BeEmpty("the implicit join waits for the second branch");
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        workflow.Bookmarks.Should().ContainSingle(b => b.ActivityId == "ev-b");

        await Scenario.ResumeAsync(host, workflow, workflow.Bookmarks.Single());

        host.Lines.Should().Equal(["both arrived"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }
}

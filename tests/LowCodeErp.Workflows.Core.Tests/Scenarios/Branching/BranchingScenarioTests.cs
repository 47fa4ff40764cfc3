using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests.Scenarios.Branching;

/// <summary>FlowDecision, FlowSwitch, If and Switch run from Elsa 3 definitions.</summary>
public sealed class BranchingScenarioTests
{
    private const string Area = "Branching";

    [Theory]
    [InlineData(true, "vip")]
    [InlineData(false, "regular")]
    public async Task FlowDecision_should_take_the_port_of_the_input_value_and_join_once_when_the_condition_reads_a_workflow_input(bool isVip, string expected)
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "decision-input.json", ("IsVip", isVip));

        host.Lines.Should().Equal([expected, "done"], "{0}", Scenario.Describe(workflow, host));
        Scenario.CompletedCount(workflow, "w-done").Should().Be(1, "the untaken branch is skipped, so the implicit join runs once");
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Theory]
    [InlineData(150, "large order")]
    [InlineData(20, "small order")]
    public async Task FlowDecision_should_take_the_true_port_when_the_javascript_condition_holds(int amount, string expected)
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "decision-javascript.json", ("Amount", amount));

        host.Lines.Should().Equal([expected], "{0}", Scenario.Describe(workflow, host));
        workflow.Variables["Amount"].Should().Be(amount);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Theory]
    [InlineData(90, "high")]
    [InlineData(60, "pass")]
    [InlineData(10, "fail")]
    public async Task FlowSwitch_should_take_only_the_first_matching_case_or_Default_when_mode_is_MatchFirst(int score, string expected)
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "flow-switch-match-first.json", ("Score", score));

        host.Lines.Should().Equal([expected], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task FlowSwitch_should_take_every_matching_case_when_mode_is_MatchAny()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "flow-switch-match-any.json", ("Score", 90));

        host.Lines.Should().Equal(["high", "pass"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task FlowSwitch_should_take_Default_when_no_case_matches_in_MatchAny_mode()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "flow-switch-match-any.json", ("Score", 10));

        host.Lines.Should().Equal(["fail"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task FlowSwitch_should_take_the_ports_of_true_literal_cases_when_mode_is_MatchAny()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "flow-switch-literal.json");

        host.Lines.Should().Equal(["a", "c"], "{0}", Scenario.Describe(workflow, host));
    }

    [Theory]
    [InlineData(true, "approved")]
    [InlineData(false, "rejected")]
    public async Task If_should_run_then_or_else_and_bind_its_result_when_the_condition_is_a_workflow_input(bool approved, string expected)
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "if.json", ("Approved", approved));

        host.Lines.Should().Equal([expected, "after if"], "{0}", Scenario.Describe(workflow, host));
        workflow.Variables["Outcome"].Should().Be(approved, "the If result output is bound to the Outcome variable");
    }

    [Theory]
    [InlineData("Gold", new[] { "gold", "after switch" })]
    [InlineData("Silver", new[] { "silver-1", "silver-2", "after switch" })]
    [InlineData("Bronze", new[] { "standard", "after switch" })]
    public async Task Switch_should_run_the_embedded_activity_of_the_matching_case_or_the_default_when_run(string tier, string[] expected)
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "switch.json", ("Tier", tier));

        host.Lines.Should().Equal(expected, "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Switch_should_run_every_matching_case_and_complete_once_when_mode_is_MatchAny()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "switch-match-any-literal.json");

        host.Lines.Should().Equal(["a", "c", "after switch"], "{0}", Scenario.Describe(workflow, host));
        Scenario.CompletedCount(workflow, "switch").Should().Be(1);
    }

    [Fact]
    public async Task Switch_should_not_run_the_default_when_the_matching_case_has_no_activity()
    {
        // Elsa's Switch schedules Default only when no case matched at all (hasAnyMatches false); a matching case
        // without an activity just completes the Switch (elsa-core Activities/Switch.cs ExecuteAsync).
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "switch-empty-case.json");

        host.Lines.Should().Equal(["after switch"], "{0}", Scenario.Describe(workflow, host));
    }
}

using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests.Scenarios.Primitives;

/// <summary>Start, End, Finish, WriteLine, SetVariable, SetName, Correlate and Fault, each run from an Elsa 3 definition.</summary>
public sealed class PrimitiveActivityScenarioTests
{
    private const string Area = "Primitives";

    [Fact]
    public async Task Start_should_be_the_entry_point_when_it_is_listed_after_an_activity_without_inbound_connections()
    {
        // Start resolution: trigger, then the first Elsa.Start, then canStartWorkflow, then the first activity without inbound
        // connections (elsa-core Flowchart.Counters.cs GetStartActivity).
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "start-not-first.json");

        host.Lines.Should().Equal(["first"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Flowchart_should_start_at_the_canStartWorkflow_activity_when_there_is_no_Start()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "can-start-workflow.json");

        host.Lines.Should().Equal(["entry", "next"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task End_should_complete_only_the_enclosing_flowchart_when_nested()
    {
        // Elsa.End completes the flowchart it sits in; the outer flowchart carries on (research §2.1, §3.6 step 1).
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "end-nested-flowchart.json");

        host.Lines.Should().Equal(["inner", "after inner flowchart"], "{0}", Scenario.Describe(workflow, host));
        workflow.Status.Should().Be(WorkflowStatus.Finished);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task End_should_finish_the_workflow_and_drop_the_waiting_branch_when_reached_in_the_root_flowchart()
    {
        // Completing a flowchart cancels its running children, which removes their bookmarks (Elsa CompleteActivityAsync).
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "end-cancels-branches.json");

        host.Lines.Should().Equal(["stopping"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        workflow.Bookmarks.Should().BeEmpty();
        Scenario.HasJournalEvent(workflow, "ev-never", "Canceled").Should().BeTrue("the waiting Event is cancelled, not left running");
    }

    [Fact]
    public async Task Finish_should_finish_the_instance_and_drop_all_bookmarks_when_reached_inside_a_nested_flowchart()
    {
        // Elsa.Finish clears the scheduler, completion callbacks and all bookmarks and sets sub-status Finished:
        // the activity after the nested flowchart never runs, the other branch's Event bookmark is gone.
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "finish-drops-bookmarks.json");

        host.Lines.Should().Equal(["stopping"], "{0}", Scenario.Describe(workflow, host));
        workflow.Status.Should().Be(WorkflowStatus.Finished);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        workflow.Bookmarks.Should().BeEmpty();
        Scenario.CompletedCount(workflow, "w-after-inner").Should().Be(0);
    }

    [Fact]
    public async Task WriteLine_should_write_the_variable_value_when_text_is_a_variable_expression()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "writeline-variable.json");

        host.Lines.Should().Equal(["Hi there"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task SetVariable_should_convert_to_the_variable_type_and_copy_between_variables_when_run()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "set-variable.json");

        workflow.Variables["Counter"].Should().Be(41, "the literal \"41\" is converted to the Int32 variable type");
        workflow.Variables["Copy"].Should().Be("41");
        host.Lines.Should().Equal(["41"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task SetName_should_set_the_instance_name_when_run()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "set-name.json");

        workflow.Name.Should().Be("Order 42", "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task Correlate_should_replace_the_correlation_id_when_the_instance_started_with_another()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "correlate.json", new RunOptions { CorrelationId = "initial" });

        workflow.CorrelationId.Should().Be("order-42", "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task Fault_should_fault_the_workflow_with_an_incident_carrying_the_message_when_reached()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "fault.json");

        workflow.Status.Should().Be(WorkflowStatus.Finished);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        var incident = workflow.Incidents.Should().ContainSingle().Subject;
        incident.ActivityId.Should().Be("fault");
        incident.ActivityType.Should().Be("Elsa.Fault");
        incident.Message.Should().Be("Payment declined");
        host.Lines.Should().Equal(["before"], "the activity after the fault never runs");
    }
}

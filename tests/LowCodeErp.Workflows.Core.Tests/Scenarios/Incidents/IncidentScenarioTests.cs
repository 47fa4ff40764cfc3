using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests.Scenarios.Incidents;

/// <summary>
/// Faults and the two incident strategies (research §3.7). The "faulty" definitions mirror Elsa's own
/// test/integration/Elsa.Workflows.IntegrationTests/Scenarios/Incidents (FaultyWorkflow + IncidentStrategyTests).
/// </summary>
public sealed class IncidentScenarioTests
{
    private const string Area = "Incidents";

    [Fact]
    public async Task Fault_strategy_should_fault_the_workflow_and_never_resume_the_other_branch_when_an_activity_faults()
    {
        // Elsa IncidentStrategyTests [InlineData(typeof(FaultStrategy), "Start", "Step 1a", "Step 2a", Faulted)], one incident.
        using var host = new WorkflowTestHost();
        var workflow = await Scenario.RunAsync(host, Area, "faulty-default-strategy.json");

        await host.ResumeAllAsync(workflow);

        host.Lines.Should().Equal(["Start", "Step 1a", "Step 2a"], "{0}", Scenario.Describe(workflow, host));
        workflow.Status.Should().Be(WorkflowStatus.Finished);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        var incident = workflow.Incidents.Should().ContainSingle().Subject;
        incident.ActivityId.Should().Be("fault");
        incident.Message.Should().Be("Whoops!");
    }

    [Fact]
    public async Task ContinueWithIncidents_strategy_should_keep_the_other_branch_running_and_end_suspended_with_the_incident()
    {
        // Elsa IncidentStrategyTests [InlineData(typeof(ContinueWithIncidentsStrategy), "Start", "Step 1a", "Step 2a", "Step 1b", Suspended)].
        using var host = new WorkflowTestHost();
        var workflow = await Scenario.RunAsync(host, Area, "faulty-continue-with-incidents.json");

        await host.ResumeAllAsync(workflow);

        host.Lines.Should().Equal(["Start", "Step 1a", "Step 2a", "Step 1b"], "{0}", Scenario.Describe(workflow, host));
        workflow.Status.Should().Be(WorkflowStatus.Running);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        workflow.Incidents.Should().ContainSingle().Which.Message.Should().Be("Whoops!");
    }

    [Fact]
    public async Task ContinueWithIncidents_strategy_should_run_the_sibling_fork_branch_to_its_end_when_one_branch_faults()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "fork-fault-continue-with-incidents.json");

        host.Lines.Should().Equal(["working 1", "working 2"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Suspended, "a flowchart with a faulted child never completes");
        workflow.Incidents.Should().ContainSingle().Which.ActivityId.Should().Be("fault");
    }

    [Fact]
    public async Task Fault_strategy_should_still_drain_already_scheduled_work_of_the_sibling_branch_in_the_same_burst()
    {
        // Elsa: FaultStrategy.HandleIncident only transitions the sub-status to Faulted; ExceptionHandlingMiddleware does not
        // touch the scheduler, and DefaultActivitySchedulerMiddleware keeps taking work items `while (scheduler.HasAny)`
        // (it only stops on cancellation). The sibling branch queued by the fork therefore still runs, the instance stays Faulted.
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "fork-fault-default-strategy.json");

        workflow.SubStatus.Should().Be(WorkflowSubStatus.Faulted, "{0}", Scenario.Describe(workflow, host));
        workflow.Incidents.Should().ContainSingle().Which.Message.Should().Be("Branch failed");
        host.Lines.Should().Equal(["working 1", "working 2"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task RunJavaScript_should_record_an_incident_on_its_activity_when_the_script_throws()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "script-error.json");

        workflow.SubStatus.Should().Be(WorkflowSubStatus.Faulted, "{0}", Scenario.Describe(workflow, host));
        var incident = workflow.Incidents.Should().ContainSingle().Subject;
        incident.ActivityId.Should().Be("script");
        incident.ActivityType.Should().Be("Elsa.RunJavaScript");
        incident.Message.Should().Contain("ledger unavailable");
        host.Lines.Should().BeEmpty();
    }
}

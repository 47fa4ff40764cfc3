using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests.Scenarios.Containers;

/// <summary>Sequence and Flowchart as containers: nesting, terminal children and container-scoped variables.</summary>
public sealed class ContainerScenarioTests
{
    private const string Area = "Containers";

    [Fact]
    public async Task Sequence_should_run_its_children_in_order_when_it_is_the_root()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "sequence-root.json");

        host.Lines.Should().Equal(["one", "two", "three"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Nested_containers_should_run_depth_first_when_a_sequence_with_a_flowchart_sits_in_an_if()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "nested-containers.json", ("Go", true));

        host.Lines.Should().Equal(["sequence start", "inner 1", "inner 2", "sequence end", "done"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Nested_containers_should_run_the_else_branch_when_the_if_condition_is_false()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "nested-containers.json", ("Go", false));

        host.Lines.Should().Equal(["not going", "done"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task End_should_complete_the_enclosing_sequence_when_it_is_a_sequence_child()
    {
        // Elsa's Sequence completes as soon as a terminal child (ITerminalNode: End, Break, Finish, Complete) completes
        // (elsa-core Activities/Sequence.cs OnChildCompleted).
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "end-in-sequence.json");

        host.Lines.Should().Equal(["one", "after sequence"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task Flowchart_variables_should_shadow_a_workflow_variable_of_the_same_name_only_inside_the_flowchart()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "variable-shadowing.json");

        host.Lines.Should().Equal(["outer", "inner", "changed", "outer"], "{0}", Scenario.Describe(workflow, host));
        workflow.Variables["Label"].Should().Be("outer", "setting the inner variable must not touch the outer one");
    }

    [Fact]
    public async Task Liquid_should_see_the_nearest_variable_of_a_name_when_a_flowchart_shadows_it()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "variable-shadowing-liquid.json");

        host.Lines.Should().Equal(["inner sees inner", "outer sees outer"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task Flowchart_variables_should_be_readable_inside_and_outer_container_variables_writable_from_a_nested_flowchart()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "container-variables.json");

        host.Lines.Should().Equal(["2", "2"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Flowchart_variables_should_start_from_their_initial_value_in_every_loop_iteration()
    {
        // Each iteration runs the body in a new execution whose container variables are declared afresh.
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "loop-body-variables.json");

        host.Lines.Should().Equal(["1", "1", "1"], "{0}", Scenario.Describe(workflow, host));
    }
}

using System.Diagnostics;
using System.Globalization;
using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Expressions.JavaScript;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Core.Tests.Scenarios.Scripting;

/// <summary>RunJavaScript (results, variables, outcomes), the JavaScript sandbox, Liquid and Input expressions.</summary>
public sealed class ScriptingScenarioTests
{
    private const string Area = "Scripting";

    [Fact]
    public async Task RunJavaScript_should_bind_the_value_of_the_last_expression_to_the_result_variable()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "run-javascript-result.json");

        host.Lines.Should().Equal(["42"], "{0}", Scenario.Describe(workflow, host));
        Convert.ToDouble(workflow.Variables["Answer"], CultureInfo.InvariantCulture).Should().Be(42);
    }

    [Fact]
    public async Task RunJavaScript_should_read_and_write_workflow_variables_through_the_helper_functions()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "run-javascript-variables.json");

        host.Lines.Should().Equal(["42", "doubled 21"], "{0}", Scenario.Describe(workflow, host));
        workflow.Variables["Total"].Should().Be(42, "the value is converted to the Int32 variable type");
        workflow.Variables["Note"].Should().Be("doubled 21");
    }

    [Theory]
    [InlineData(50, "approved")]
    [InlineData(5000, "rejected")]
    public async Task RunJavaScript_should_complete_with_the_port_chosen_by_setOutcome(int amount, string expected)
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "run-javascript-outcome.json", ("Amount", amount));

        host.Lines.Should().Equal([expected], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task RunJavaScript_should_follow_only_the_last_setOutcome_when_the_script_calls_it_twice()
    {
        // Elsa's RunJavaScript stores setOutcome(value) as TransientProperties["Outcomes"] = new[] { value }: each call
        // replaces the previous one (elsa-core Elsa.Expressions.JavaScript/Activities/RunJavaScript/RunJavaScript.cs ConfigureEngine).
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "run-javascript-outcome-last-wins.json", ("Amount", 0));

        host.Lines.Should().Equal(["rejected"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task RunJavaScript_should_follow_every_port_given_to_setOutcomes()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "run-javascript-outcomes.json", ("Amount", 0));

        host.Lines.Should().Equal(["approved", "notified"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task RunJavaScript_should_complete_with_Done_when_the_script_sets_no_outcome()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "run-javascript-no-outcome.json", ("Amount", 0));

        host.Lines.Should().Equal(["done port"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task Sandbox_should_stop_an_endless_script_at_the_time_limit_and_record_an_incident()
    {
        using var host = new WorkflowTestHost(services: s => s.Configure<JavaScriptOptions>(o =>
        {
            o.TimeLimit = TimeSpan.FromMilliseconds(300);
            o.MaxStatements = int.MaxValue;
        }));
        var stopwatch = Stopwatch.StartNew();

        var workflow = await Scenario.RunAsync(host, Area, "sandbox-endless-loop.json");

        stopwatch.Stop();
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the time limit ends the script");
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Faulted, "{0}", Scenario.Describe(workflow, host));
        var incident = workflow.Incidents.Should().ContainSingle().Subject;
        incident.ActivityId.Should().Be("script");
        incident.Message.Should().Contain("timed out");
        host.Lines.Should().BeEmpty();
    }

    [Fact]
    public async Task Sandbox_should_stop_an_endless_script_at_the_statement_limit_when_the_time_limit_is_generous()
    {
        using var host = new WorkflowTestHost(services: s => s.Configure<JavaScriptOptions>(o =>
        {
            o.TimeLimit = TimeSpan.FromMinutes(1);
            o.MaxStatements = 10_000;
        }));

        var workflow = await Scenario.RunAsync(host, Area, "sandbox-endless-loop.json");

        workflow.SubStatus.Should().Be(WorkflowSubStatus.Faulted, "{0}", Scenario.Describe(workflow, host));
        workflow.Incidents.Should().ContainSingle().Which.ActivityId.Should().Be("script");
    }

    [Fact]
    public async Task Sandbox_should_expose_no_clr_module_or_network_globals_to_scripts()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "sandbox-no-clr.json");

        host.Lines.Should().Equal(["undefined,undefined,undefined,undefined,undefined,undefined,undefined"], "{0}", Scenario.Describe(workflow, host));
    }

    [Theory]
    [InlineData("sandbox-import-namespace.json", "importNamespace")]
    [InlineData("sandbox-require.json", "require")]
    public async Task Sandbox_should_fault_the_script_when_it_tries_to_reach_the_file_system(string file, string missingGlobal)
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, file);

        workflow.SubStatus.Should().Be(WorkflowSubStatus.Faulted, "{0}", Scenario.Describe(workflow, host));
        workflow.Incidents.Should().ContainSingle().Which.Message.Should().Contain(missingGlobal);
        host.Lines.Should().BeEmpty();
    }

    [Fact]
    public async Task Liquid_should_render_workflow_variables_and_inputs()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "liquid.json", ("Name", "Ada"));

        host.Lines.Should().Equal(["Order for Ada: 150"], "{0}", Scenario.Describe(workflow, host));
    }

    [Fact]
    public async Task Input_expressions_should_read_workflow_inputs_into_activity_inputs_and_variables()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunWithInputAsync(host, Area, "input-expression.json", ("Customer", "ACME"), ("Quantity", "12"));

        host.Lines.Should().Equal(["ACME", "12"], "{0}", Scenario.Describe(workflow, host));
        workflow.Variables["Quantity"].Should().Be(12, "the text input is converted to the Int32 variable");
    }
}

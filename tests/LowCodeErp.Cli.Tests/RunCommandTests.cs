using FluentAssertions;
using LowCodeErp.Cli.Tests.Infrastructure;

namespace LowCodeErp.Cli.Tests;

/// <summary><c>erp run</c>: exactly one JSON object on stdout describing how the run ended.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task A_writeline_flow_prints_its_lines_and_variables()
    {
        var result = await ErpCli.RunAsync("run", ErpCli.Data("Valid", "hello.json"));

        result.ExitCode.Should().Be(0, result.ToString());
        result.OutputLines.Should().Equal(
            """{"status":"Finished","subStatus":"Finished","output":["Hello","Hi"],"variables":{"Greeting":"Hi"},"bookmarks":[],"incidents":[]}""");
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task A_flow_waiting_on_an_event_is_suspended_with_its_bookmark_listed()
    {
        var result = await ErpCli.RunAsync("run", ErpCli.Data("Run", "wait-for-event.json"));

        result.ExitCode.Should().Be(0, result.ToString());
        result.OutputLines.Should().Equal(
            """{"status":"Running","subStatus":"Suspended","output":["Waiting for approval"],"variables":{},"bookmarks":[{"activityId":"wait","name":"Elsa.Event"}],"incidents":[]}""");
    }

    [Fact]
    public async Task A_faulting_flow_still_exits_0_and_lists_the_incident()
    {
        var result = await ErpCli.RunAsync("run", ErpCli.Data("Run", "fault.json"));

        result.ExitCode.Should().Be(0, result.ToString());
        result.OutputLines.Should().Equal(
            """{"status":"Finished","subStatus":"Faulted","output":["About to fail"],"variables":{},"bookmarks":[],"incidents":[{"activityId":"boom","message":"Credit limit exceeded"}]}""");
    }

    [Fact]
    public async Task Sibling_definitions_are_loaded_as_dependencies_and_invalid_ones_are_ignored()
    {
        // Composition/ also holds broken-sibling.json, which must neither fail the run nor show up on stderr.
        var result = await ErpCli.RunAsync("run", ErpCli.Data("Composition", "uses-greeter.json"));

        result.ExitCode.Should().Be(0, result.ToString());
        RunJson.Parse(result).Output.Should().Equal("Greetings from the child", "Back in the parent");
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Execute_workflow_finds_its_child_among_the_siblings_and_the_child_output_is_captured_too()
    {
        var result = await ErpCli.RunAsync("run", ErpCli.Data("Composition", "execute-child.json"));

        result.ExitCode.Should().Be(0, result.ToString());
        RunJson.Parse(result).Output.Should().Equal("Child instance ran", "Parent done");
    }

    [Theory]
    [InlineData("CounterBased")]
    [InlineData("TokenBased")]
    public async Task Both_flowchart_modes_can_be_chosen(string mode)
    {
        var result = await ErpCli.RunAsync("run", ErpCli.Data("Valid", "hello.json"), "--flowchart-mode", mode);

        result.ExitCode.Should().Be(0, result.ToString());
        RunJson.Parse(result).Output.Should().Equal("Hello", "Hi");
    }

    [Fact]
    public async Task An_invalid_definition_exits_1_prints_nothing_on_stdout_and_its_errors_on_stderr()
    {
        var file = ErpCli.Data("Invalid", "unknown-activity-type.json");

        var result = await ErpCli.RunAsync("run", file);

        result.ExitCode.Should().Be(1);
        result.Stdout.Should().BeEmpty();
        result.ErrorLines.Should().Equal($"{file}:$.root.activities[1].type: unknown activity type 'Acme.DoesNotExist' (activity mystery)");
    }

    [Fact]
    public async Task The_research_report_example_runs_its_large_order_branch()
    {
        // Needs the JavaScript and Liquid evaluators (SetVariable and FlowDecision use JavaScript, WriteLine Liquid).
        var result = await ErpCli.RunAsync("run", ErpCli.Data("Research", "order-size-check.json"));

        result.ExitCode.Should().Be(0, result.ToString());
        var run = RunJson.Parse(result);
        run.Status.Should().Be("Finished");
        run.SubStatus.Should().Be("Finished");
        run.Output.Should().Equal("Large order: 150");
    }
}

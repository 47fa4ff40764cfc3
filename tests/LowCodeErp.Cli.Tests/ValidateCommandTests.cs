using FluentAssertions;
using LowCodeErp.Cli.Tests.Infrastructure;

namespace LowCodeErp.Cli.Tests;

/// <summary><c>erp validate</c> on valid input: files, folders, and sets whose members reference each other.</summary>
public sealed class ValidateCommandTests
{
    [Fact]
    public async Task A_valid_file_exits_0_and_says_so()
    {
        var result = await ErpCli.RunAsync("validate", ErpCli.Data("Valid", "hello.json"));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Be("1 definition valid" + Environment.NewLine);
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task A_folder_means_its_json_files_recursively_without_expectations_and_test_suites()
    {
        // Valid/nested holds a broken *.expect.json and *.tests.json: they must not be read as definitions.
        var result = await ErpCli.RunAsync("validate", ErpCli.Data("Valid"));

        result.ExitCode.Should().Be(0, result.ToString());
        result.OutputLines.Should().Equal("2 definitions valid");
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Files_and_folders_can_be_mixed_and_a_file_given_twice_counts_once()
    {
        var result = await ErpCli.RunAsync("validate", ErpCli.Data("Valid"), ErpCli.Data("Valid", "hello.json"));

        result.ExitCode.Should().Be(0, result.ToString());
        result.OutputLines.Should().Equal("2 definitions valid");
    }

    [Fact]
    public async Task Files_given_together_resolve_workflow_as_activity_references()
    {
        var result = await ErpCli.RunAsync("validate", ErpCli.Data("Composition", "uses-greeter.json"), ErpCli.Data("Composition", "greeter-activity.json"));

        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task A_file_alone_does_not_see_the_workflows_it_uses()
    {
        var file = ErpCli.Data("Composition", "uses-greeter.json");

        var result = await ErpCli.RunAsync("validate", file);

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().Equal($"{file}:$.root.activities[1].type: unknown activity type 'Greeter' (activity child)");
    }

    [Fact]
    public async Task The_research_report_example_is_valid()
    {
        // Needs the JavaScript and Liquid evaluators (the example uses both expression types).
        var result = await ErpCli.RunAsync("validate", ErpCli.Data("Research", "order-size-check.json"));

        result.ExitCode.Should().Be(0, result.ToString());
    }
}

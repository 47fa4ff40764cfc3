using FluentAssertions;
using LowCodeErp.Cli.Tests.Infrastructure;

namespace LowCodeErp.Cli.Tests;

/// <summary><c>erp run --input</c>: the JSON object's properties reach the workflow as its inputs.</summary>
public sealed class RunInputTests
{
    [Fact]
    public async Task Input_reaches_an_input_expression()
    {
        var result = await ErpCli.RunAsync("run", ErpCli.Data("Run", "greet-input.json"), "--input", """{"Name":"Ada"}""");

        result.ExitCode.Should().Be(0, result.ToString());
        result.OutputLines.Should().Equal(
            """{"status":"Finished","subStatus":"Finished","output":["Ada"],"variables":{},"bookmarks":[],"incidents":[]}""");
    }

    [Fact]
    public async Task Input_reaches_javascript_getInput()
    {
        var result = await ErpCli.RunAsync("run", ErpCli.Data("Run", "greet-input-js.json"), "--input", """{"Name":"Ada"}""");

        result.ExitCode.Should().Be(0, result.ToString());
        RunJson.Parse(result).Output.Should().Equal("Hello, Ada!");
    }

    [Fact]
    public async Task Input_names_match_case_insensitively_like_elsa()
    {
        var result = await ErpCli.RunAsync("run", ErpCli.Data("Run", "greet-input.json"), "--input", """{"name":"Grace"}""");

        RunJson.Parse(result).Output.Should().Equal("Grace");
    }

    [Fact]
    public async Task An_empty_object_is_a_valid_input()
    {
        var result = await ErpCli.RunAsync("run", ErpCli.Data("Valid", "hello.json"), "--input", "{}");

        result.ExitCode.Should().Be(0, result.ToString());
    }
}

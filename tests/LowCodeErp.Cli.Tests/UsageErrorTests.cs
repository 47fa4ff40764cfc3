using FluentAssertions;
using LowCodeErp.Cli.Tests.Infrastructure;

namespace LowCodeErp.Cli.Tests;

/// <summary>A wrong command line exits 2 (not System.CommandLine's default 1), says why on stderr and runs nothing.</summary>
public sealed class UsageErrorTests
{
    private static readonly string Hello = ErpCli.Data("Valid", "hello.json");

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { [], "Required command was not provided" },
        { ["frobnicate"], "frobnicate" },
        { ["validate"], "Required argument missing" },
        { ["validate", "does-not-exist.json"], "No such file or folder: 'does-not-exist.json'" },
        { ["run"], "Required argument missing" },
        { ["run", "does-not-exist.json"], "No such file: 'does-not-exist.json'" },
        { ["run", ErpCli.Data("Valid")], "is a folder" },
        { ["run", Hello, "--bogus"], "--bogus" },
        { ["run", Hello, "--input"], "--input" },
        { ["run", Hello, "--input", "{not json"], "--input is not valid JSON" },
        { ["run", Hello, "--input", "[1,2]"], "--input must be a JSON object" },
        { ["run", Hello, "--input", "\"Ada\""], "--input must be a JSON object" },
        { ["run", Hello, "--flowchart-mode", "Sideways"], "Sideways" },
        { ["run", Hello, "--flowchart-mode", "Default"], "Default" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Exits_2_with_a_message_and_nothing_on_stdout(string[] args, string messagePart)
    {
        var result = await ErpCli.RunAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain(messagePart).And.Contain("--help");
    }

    [Fact]
    public async Task Help_exits_0_and_names_the_tool_erp()
    {
        var result = await ErpCli.RunAsync("--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("erp [command] [options]").And.Contain("validate").And.Contain("run");
    }

    [Fact]
    public async Task Run_help_lists_its_options()
    {
        var result = await ErpCli.RunAsync("run", "--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("--input").And.Contain("--flowchart-mode").And.Contain("CounterBased|TokenBased");
    }

    [Fact]
    public async Task Version_exits_0_and_prints_a_version()
    {
        var result = await ErpCli.RunAsync("--version");

        result.ExitCode.Should().Be(0);
        result.OutputLines.Should().ContainSingle().Which.Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }
}

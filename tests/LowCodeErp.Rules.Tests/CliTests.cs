extern alias cli;

using FluentAssertions;
using cli::LowCodeErp.Cli;
using LowCodeErp.Rules.Tests.Infrastructure;

namespace LowCodeErp.Rules.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _folder = Paths.NewTempFolder("erp-rules-cli");

    public void Dispose() => Paths.TryDelete(_folder);

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, stdout, stderr, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task RulesTest_Should_PassTheRepositoryRules()
    {
        var (exit, output, error) = await RunAsync("rules", "test", Paths.RulesFolder);

        error.Should().BeEmpty();
        output.Trim().Should().Be("13 passed, 0 failed");
        exit.Should().Be(0);
    }

    [Fact]
    public async Task RulesTest_Should_PrintADiffPerFailingCase_AndExitNonZero()
    {
        Paths.CopyRules(_folder);
        var file = Path.Combine(_folder, "pricing-floor.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("quote.costOfFunds + 0.020", "quote.costOfFunds + 0.010", StringComparison.Ordinal));

        var (exit, output, _) = await RunAsync("rules", "test", Path.Combine(_folder, "pricing-floor.tests.json"));

        exit.Should().Be(1);
        output.Should().Contain("FAIL pricing-floor.json: a thin margin is below the floor and names the minimum rate")
            .And.Contain("  successEvents: expected [BelowFloor], actual [FloorMet]; missing BelowFloor; unexpected FloorMet")
            .And.Contain("  outputs.MarginFloor: expected 0.052, actual null");
        output.TrimEnd().Should().EndWith("2 passed, 1 failed");
    }

    [Fact]
    public async Task RulesTest_Should_ReportAnInvalidFile_AsFileJsonPathMessage()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.json"), """{ "WorkflowName": "Bad", "Rules": [ { "RuleName": "Empty", "Expression": " " } ] }""");

        var (exit, output, error) = await RunAsync("rules", "test", _folder);

        exit.Should().Be(1);
        error.Trim().Should().Be("bad.json:$.Rules[0].Expression: is required (a LambdaExpression over the inputs, e.g. input1.amount > 1000) (rule 'Empty')");
        output.Trim().Should().Be("0 passed, 1 failed");
    }
}

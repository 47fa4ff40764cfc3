using FluentAssertions;
using LowCodeErp.Cli.Tests.Infrastructure;

namespace LowCodeErp.Cli.Tests;

/// <summary>How the run report renders captured output and variable values.</summary>
public sealed class RunReportTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a\n", new[] { "a" })]
    [InlineData("a\r\nb\r\n", new[] { "a", "b" })]
    [InlineData("a\n\nb\n", new[] { "a", "", "b" })]
    [InlineData("\n", new[] { "" })]
    [InlineData("no newline at the end", new[] { "no newline at the end" })]
    public void Written_text_becomes_lines(string written, string[] expected) =>
        RunReport.SplitLines(written).Should().Equal(expected);

    [Fact]
    public async Task Variables_hold_numbers_objects_and_lists_as_json_values_not_text()
    {
        var result = await ErpCli.RunAsync("run", ErpCli.Data("Run", "js-variables.json"), "--input", """{"Nested":{"a":[1,2.5,"z"],"b":null}}""");

        result.ExitCode.Should().Be(0, result.ToString());
        RunJson.Parse(result).Variables.GetRawText().Should().Be(
            """{"Amount":150,"Order":{"id":7,"lines":[{"sku":"A","qty":2.5}]},"Tags":["x",{"a":[1,2.5,"z"],"b":null}]}""");
    }
}

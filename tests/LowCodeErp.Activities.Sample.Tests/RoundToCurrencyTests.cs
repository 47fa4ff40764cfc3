using FluentAssertions;
using LowCodeErp.Activities.Sample.Tests.Infrastructure;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Activities.Sample.Tests;

/// <summary><c>Erp.Sample.RoundToCurrency</c> in a flowchart whose Rounded and Unchanged ports lead to different WriteLines (Workflows/round-amount.json).</summary>
public sealed class RoundToCurrencyTests : IDisposable
{
    private readonly SampleEngine _engine = new();

    [Theory]
    [InlineData("2.675", "EUR", "AwayFromZero", "2.68", "rounded")]
    [InlineData("2.665", "EUR", "ToEven", "2.66", "rounded")]
    [InlineData("-2.675", "EUR", "AwayFromZero", "-2.68", "rounded")]
    [InlineData("-2.675", "EUR", "ToPositiveInfinity", "-2.67", "rounded")]
    [InlineData("1234.5", "JPY", "AwayFromZero", "1235", "rounded")]
    [InlineData("1234.5", "jpy", "ToEven", "1234", "rounded")]
    [InlineData("1.23456", "KWD", "AwayFromZero", "1.235", "rounded")]
    [InlineData("1.23456", "KWD", "ToZero", "1.234", "rounded")]
    [InlineData("10.50", "EUR", "AwayFromZero", "10.50", "unchanged")]
    public async Task Amount_Should_BeRoundedToTheCurrencysMinorUnits(string amount, string currency, string mode, string expected, string port)
    {
        var definition = _engine.Load("round-amount.json", json => json.Replace("\"mode\": \"AwayFromZero\"", $"\"mode\": \"{mode}\"", StringComparison.Ordinal));

        var workflow = await _engine.RunAsync(definition, new Dictionary<string, object?> { ["Amount"] = amount, ["Currency"] = currency });

        workflow.Incidents.Should().BeEmpty();
        var rounded = decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        workflow.Variables["Rounded"].Should().Be(rounded);
        workflow.Variables["Difference"].Should().Be(rounded - decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        _engine.Output.ToString().Trim().Should().Be(port);
    }

    [Fact]
    public async Task MinorUnits_Should_OverrideTheCurrency()
    {
        var workflow = await _engine.RunAsync(_engine.Load("round-amount.json"),
            new Dictionary<string, object?> { ["Amount"] = "1999.49", ["Currency"] = "XYZ", ["MinorUnits"] = 0 });

        workflow.Incidents.Should().BeEmpty();
        workflow.Variables["Rounded"].Should().Be(1999m);
        _engine.Output.ToString().Trim().Should().Be("rounded");
    }

    [Fact]
    public async Task UnknownCurrency_WithoutMinorUnits_Should_FaultTheActivity()
    {
        var workflow = await _engine.RunAsync(_engine.Load("round-amount.json"),
            new Dictionary<string, object?> { ["Amount"] = "10", ["Currency"] = "XYZ" });

        workflow.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        workflow.Incidents.Should().ContainSingle().Which.Message.Should().Be("Currency 'XYZ' is not in the ISO 4217 table of this activity; set MinorUnits.");
        _engine.Output.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Every_CurrencyOffered_InStudiosDropdown_Should_HaveMinorUnits()
    {
        var options = typeof(RoundToCurrency).GetProperty(nameof(RoundToCurrency.Currency))!
            .GetCustomAttributes(typeof(LowCodeErp.Workflows.Abstractions.InputAttribute), false)
            .Cast<LowCodeErp.Workflows.Abstractions.InputAttribute>().Single().Options;

        options.Should().NotBeEmpty();
        options!.Where(code => !CurrencyMinorUnits.TryGet(code, out var _)).Should().BeEmpty();
    }

    public void Dispose() => _engine.Dispose();
}

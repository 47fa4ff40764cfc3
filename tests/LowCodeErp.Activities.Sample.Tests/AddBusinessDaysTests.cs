using FluentAssertions;
using LowCodeErp.Activities.Sample.Tests.Infrastructure;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Activities.Sample.Tests;

/// <summary><c>Erp.Sample.AddBusinessDays</c> in a flowchart (Workflows/due-date.json: holidays 24, 25, 31 Dec 2026 and 1 Jan 2027).</summary>
public sealed class AddBusinessDaysTests : IDisposable
{
    private readonly SampleEngine _engine = new();

    [Theory]
    // Wed 23 Dec + 3: Thu/Fri are holidays, then the weekend; Mon 28, Tue 29, Wed 30.
    [InlineData("2026-12-23", 3, "2026-12-30", 7)]
    // + 6 crosses New Year: 28, 29, 30, (31, 1 holidays, 2-3 weekend) 4, 5, 6 Jan.
    [InlineData("2026-12-23", 6, "2027-01-06", 14)]
    // Backwards from Mon 28 Dec: Sun, Sat, Fri 25 and Thu 24 are skipped.
    [InlineData("2026-12-28", -1, "2026-12-23", -5)]
    // 0 on a Saturday moves to the next business day.
    [InlineData("2026-12-26", 0, "2026-12-28", 2)]
    // 0 on a business day keeps it.
    [InlineData("2026-12-22", 0, "2026-12-22", 0)]
    public async Task Result_Should_SkipWeekendsAndHolidays(string invoiceDate, int days, string expected, int calendarDays)
    {
        var workflow = await _engine.RunAsync(_engine.Load("due-date.json"), new Dictionary<string, object?> { ["InvoiceDate"] = invoiceDate, ["Days"] = days });

        workflow.Incidents.Should().BeEmpty();
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        workflow.Variables["DueDate"].Should().Be(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        workflow.Variables["CalendarDays"].Should().Be(calendarDays);
        _engine.Output.ToString().Trim().Should().Be($"due in {calendarDays} calendar days");
    }

    [Fact]
    public async Task TimeOfDay_Should_BeKept()
    {
        var workflow = await _engine.RunAsync(_engine.Load("due-date.json"),
            new Dictionary<string, object?> { ["InvoiceDate"] = "2026-12-23T14:30:00", ["Days"] = 1 });

        workflow.Variables["DueDate"].Should().Be(new DateTime(2026, 12, 28, 14, 30, 0));
    }

    [Fact]
    public async Task InvalidHoliday_Should_FaultTheActivity_NamingTheEntry()
    {
        var definition = _engine.Load("due-date.json", json => json.Replace("2026-12-31", "31.12.2026", StringComparison.Ordinal));

        var workflow = await _engine.RunAsync(definition, new Dictionary<string, object?> { ["InvoiceDate"] = "2026-12-23", ["Days"] = 3 });

        workflow.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        workflow.Incidents.Should().ContainSingle().Which.Message.Should().Contain("Holiday '31.12.2026' is not a date in the form yyyy-MM-dd");
    }

    public void Dispose() => _engine.Dispose();
}

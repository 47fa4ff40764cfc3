using FluentAssertions;

namespace LowCodeErp.Activities.Sample.Tests;

/// <summary>The date arithmetic behind <see cref="AddBusinessDays"/>, edge cases the flowchart tests do not reach.</summary>
public sealed class BusinessCalendarTests
{
    [Fact]
    public void Holidays_Should_AcceptSeveralDatesPerEntry_AndIgnoreBlankEntries()
    {
        var holidays = BusinessCalendar.ParseHolidays(["2026-12-24, 2026-12-25", "", null, "2026-12-31\n2027-01-01"]);

        holidays.Should().BeEquivalentTo([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1)]);
    }

    [Fact]
    public void Kind_Should_BeKept()
    {
        var start = new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);

        var result = BusinessCalendar.AddBusinessDays(start, 1, new HashSet<DateOnly>());

        result.Should().Be(new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc));
        result.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public void A_HolidayOnAWeekend_Should_NotCountTwice()
    {
        // Sat 26 Dec is a holiday and a weekend day: Fri 25 + 1 is still Mon 28.
        var result = BusinessCalendar.AddBusinessDays(new DateTime(2026, 12, 25), 1, new HashSet<DateOnly> { new(2026, 12, 26) });

        result.Should().Be(new DateTime(2026, 12, 28));
    }

    [Fact]
    public void Beyond_TheCalendar_Should_Throw()
    {
        var act = () => BusinessCalendar.AddBusinessDays(new DateTime(9999, 12, 30), 5, new HashSet<DateOnly>());

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}

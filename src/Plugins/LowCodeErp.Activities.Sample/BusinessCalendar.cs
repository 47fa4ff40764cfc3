using System.Globalization;

namespace LowCodeErp.Activities.Sample;

/// <summary>Business-day arithmetic: Monday to Friday, except the given holidays.</summary>
public static class BusinessCalendar
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\r', '\n'];

    /// <summary>Whether <paramref name="date"/> is a weekday that is not a holiday.</summary>
    public static bool IsBusinessDay(DateOnly date, IReadOnlySet<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);
    }

    /// <summary>
    /// Moves <paramref name="start"/> by <paramref name="days"/> business days (backwards when negative); the start
    /// date itself is never counted. With 0 the start date is kept when it is a business day, else the next business
    /// day is taken ("following" convention). The time of day and <see cref="DateTime.Kind"/> are kept.
    /// </summary>
    public static DateTime AddBusinessDays(DateTime start, int days, IReadOnlySet<DateOnly> holidays)
    {
        var date = DateOnly.FromDateTime(start);
        var step = days < 0 ? -1 : 1;
        var remaining = Math.Abs((long)days);
        if (remaining == 0)
        {
            while (!IsBusinessDay(date, holidays))
            {
                date = date.AddDays(1);
            }
        }

        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsBusinessDay(date, holidays))
            {
                remaining--;
            }
        }

        return date.ToDateTime(TimeOnly.FromDateTime(start), start.Kind);
    }

    /// <summary>
    /// Reads holidays written as ISO dates (<c>yyyy-MM-dd</c>). An entry may hold several dates separated by commas,
    /// semicolons or white space, so a list from Studio's multi-text editor and one string from a script both work.
    /// </summary>
    /// <exception cref="FormatException">An entry is not an ISO date; the message names it.</exception>
    public static HashSet<DateOnly> ParseHolidays(IEnumerable<string?>? entries)
    {
        var holidays = new HashSet<DateOnly>();
        foreach (var entry in entries ?? [])
        {
            foreach (var text in (entry ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new FormatException($"Holiday '{text}' is not a date in the form yyyy-MM-dd.");
                }

                holidays.Add(date);
            }
        }

        return holidays;
    }
}

using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Activities.Sample;

/// <summary>Adds business days to a date: due dates, notice periods, value dates.</summary>
[Activity(SampleActivities.Namespace, "AddBusinessDays", Category = SampleActivities.Category, DisplayName = "Add Business Days",
    Description = "Adds a number of business days to a date, skipping Saturdays, Sundays and the listed holidays.")]
public sealed class AddBusinessDays : CodeActivity
{
    /// <summary>The start date.</summary>
    [Input(Description = "The start date; its time of day is kept.", IsRequired = true, UIHint = UIHints.DateTimePicker, Order = 0)]
    public Input<DateTime>? Date { get; set; }

    /// <summary>How many business days to move.</summary>
    [Input(Description = "Business days to add; negative values count backwards. With 0 the date is kept when it is a business day, else the next business day is taken.",
        DefaultValue = 1, Order = 1)]
    public Input<int> Days { get; set; } = new(1);

    /// <summary>Non-working days besides weekends.</summary>
    [Input(Description = "Holidays as ISO dates (yyyy-MM-dd), one per entry.", UIHint = UIHints.MultiText, Order = 2)]
    public Input<string[]>? Holidays { get; set; }

    /// <summary>The business day reached.</summary>
    [Output(Description = "The resulting business day.")]
    public Output<DateTime> Result { get; set; } = new();

    /// <summary>Calendar days between start and result.</summary>
    [Output(DisplayName = "Calendar Days", Description = "Calendar days from the start date to the result (negative when counting backwards).")]
    public Output<int> CalendarDays { get; set; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var start = await context.EvaluateAsync(Date);
        var days = await context.EvaluateAsync(Days);
        var holidays = BusinessCalendar.ParseHolidays(await context.EvaluateAsync(Holidays));

        var result = BusinessCalendar.AddBusinessDays(start, days, holidays);
        context.Set(Result, result);
        context.Set(CalendarDays, (int)(result.Date - start.Date).TotalDays);
    }
}

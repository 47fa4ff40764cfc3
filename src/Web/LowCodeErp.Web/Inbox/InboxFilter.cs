using LowCodeErp.HumanTasks.Api;

namespace LowCodeErp.Web.Inbox;

/// <summary>The inbox's view and filter fields, turned into the task service's list query.</summary>
public sealed class InboxFilter
{
    public const string Mine = "mine";
    public const string Candidate = "candidate";
    public const string Completed = "completed";

    public string View { get; set; } = Mine;
    public string? Text { get; set; }
    public string? Definition { get; set; }
    public string? Status { get; set; }
    public string? BusinessKey { get; set; }
    public int? MinPriority { get; set; }
    public DateTime? DueBefore { get; set; }
    public bool OverdueOnly { get; set; }

    /// <summary>The query for one page; <paramref name="sort"/> is a column name, descending with a leading '-'.</summary>
    public TaskListQuery ToQuery(int page, int pageSize, string? sort) => new()
    {
        View = View,
        Q = Blank(Text),
        Definition = Blank(Definition),
        Status = Blank(Status),
        BusinessKey = Blank(BusinessKey),
        Priority = MinPriority,
        // "Due before" a day means before that day ends, in UTC like the service's due dates.
        DueBefore = DueBefore is { } day ? new DateTimeOffset(day.Date.AddDays(1), TimeSpan.Zero) : null,
        Overdue = OverdueOnly ? true : null,
        Sort = sort,
        Page = page,
        PageSize = pageSize,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

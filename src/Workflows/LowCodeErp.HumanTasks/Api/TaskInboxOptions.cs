namespace LowCodeErp.HumanTasks.Api;

/// <summary>Settings of the inbox queries.</summary>
public sealed class TaskInboxOptions
{
    /// <summary>The default of <see cref="CountLimit"/>.</summary>
    public const int DefaultCountLimit = 1000;

    /// <summary>
    /// Counts stop here: counting a view of tens of thousands of tasks costs more than reading its page, and nobody
    /// pages that far; lists say whether their total is exact (<see cref="TaskPage.TotalCountExact"/>), and a tab count
    /// equal to <see cref="TaskCounts.Limit"/> means "at least that many".
    /// </summary>
    public int CountLimit { get; init; } = DefaultCountLimit;
}

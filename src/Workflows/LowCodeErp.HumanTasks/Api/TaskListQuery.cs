namespace LowCodeErp.HumanTasks.Api;

/// <summary>Query string of <c>GET /api/tasks</c>.</summary>
public sealed class TaskListQuery
{
    /// <summary>mine (default), candidate, involved or completed.</summary>
    public string? View { get; set; }
    /// <summary>Logical definition id.</summary>
    public string? Definition { get; set; }
    /// <summary>Exact status.</summary>
    public string? Status { get; set; }
    /// <summary>Due before this moment.</summary>
    public DateTimeOffset? DueBefore { get; set; }
    /// <summary>Only open tasks past their due date.</summary>
    public bool? Overdue { get; set; }
    /// <summary>Minimum priority.</summary>
    public int? Priority { get; set; }
    /// <summary>The instance's correlation id.</summary>
    public string? BusinessKey { get; set; }
    /// <summary>Text in title, description or business key (case-insensitive substring).</summary>
    public string? Q { get; set; }
    /// <summary>Variable filters <c>name:value</c> (repeatable; all must match).</summary>
    public string[]? Variable { get; set; }
    /// <summary>dueAt, priority, createdAt or title; a leading '-' sorts descending. Default: -priority.</summary>
    public string? Sort { get; set; }
    /// <summary>Zero-based page.</summary>
    public int? Page { get; set; }
    /// <summary>Page size (1–200, default 25).</summary>
    public int? PageSize { get; set; }
}

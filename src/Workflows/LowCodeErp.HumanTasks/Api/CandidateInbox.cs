using LowCodeErp.HumanTasks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.HumanTasks.Api;

/// <summary>
/// The candidate view without task-column filters, read from its index (<see cref="TaskCandidateRecord"/>): each
/// branch of <see cref="TaskViews.CandidateBranchesOf"/> yields at most page-end rows in sort order (an index range
/// scan that stops early), the union of those is sorted and paged, and only the page's tasks are read. Totals are
/// counted from the candidate index alone.
/// </summary>
internal static class CandidateInbox
{
    /// <summary>Whether this path can answer the query: filters and sort only on columns the candidate rows copy.</summary>
    public static bool Serves(TaskListQuery query) =>
        query.BusinessKey is null && query.Q is not { Length: > 0 } && query.Variable is not { Length: > 0 } && query.Sort?.TrimStart('-') != "title";

    /// <summary>The view's branches with the query's filters.</summary>
    public static List<IQueryable<TaskCandidateRecord>> Branches(HumanTasksDbContext db, TaskUser user, TaskListQuery query, DateTimeOffset now) =>
        [.. TaskViews.CandidateBranchesOf(db, user).Select(b => Filter(b, query, now))];

    /// <summary>The page: how many candidate rows it held, and their tasks in order (one query).</summary>
    public static async Task<(int Read, List<HumanTaskRecord> Items)> PageAsync(HumanTasksDbContext db, List<IQueryable<TaskCandidateRecord>> branches,
        TaskListQuery query, CancellationToken cancellationToken)
    {
        var size = query.PageSize ?? 25;
        var end = ((query.Page ?? 0) * size) + size;
        var firstRows = branches.Select(b => Sort(b, query.Sort).Take(end)).Aggregate((all, b) => all.Concat(b));
        var pageRows = Sort(firstRows, query.Sort).Skip(end - size).Take(size);
        // Candidate rows change with the task's status in one transaction, so the status check is only a guard. The
        // outer sort repeats the page's order, which a join does not keep.
        var page = await Sort(pageRows.Join(db.Tasks.AsNoTracking().Where(t => t.Status == TaskStatuses.Unassigned), c => c.TaskId, t => t.Id,
            (c, t) => new PageRow { Row = c, Task = t }), query.Sort).ToListAsync(cancellationToken);
        return (page.Count, [.. page.Select(p => p.Task)]);
    }

    private static IQueryable<TaskCandidateRecord> Filter(IQueryable<TaskCandidateRecord> rows, TaskListQuery query, DateTimeOffset now)
    {
        rows = query.Definition is { } definition ? rows.Where(c => c.DefinitionId == definition) : rows;
        // Every candidate row belongs to an unassigned task.
        rows = query.Status is { } status && status != TaskStatuses.Unassigned ? rows.Where(c => false) : rows;
        // DueOrder is the indexed column: DueAt, or NoDueDate for undated tasks, which no moment before it reaches.
        rows = query.DueBefore?.ToUniversalTime() is not { } before ? rows
            : before <= TaskCandidateRecord.NoDueDate ? rows.Where(c => c.DueOrder < before)
            : rows.Where(c => c.DueOrder < before && c.DueAt != null);
        rows = query.Overdue == true ? rows.Where(c => c.DueOrder < now) : rows;
        rows = query.Priority is { } priority ? rows.Where(c => c.Priority >= priority) : rows;
        return rows;
    }

    // The orders of TaskQueries' sorts on the copied columns, ties broken by the task id as there ("title" is not copied).
    private static IQueryable<TaskCandidateRecord> Sort(IQueryable<TaskCandidateRecord> rows, string? sort) => sort switch
    {
        "dueAt" => rows.OrderBy(c => c.DueOrder).ThenBy(c => c.TaskId),
        "-dueAt" => rows.OrderBy(c => c.DueAt == null).ThenByDescending(c => c.DueAt).ThenBy(c => c.TaskId),
        "priority" => rows.OrderBy(c => c.Priority).ThenBy(c => c.CreatedAt).ThenBy(c => c.TaskId),
        "createdAt" => rows.OrderBy(c => c.CreatedAt).ThenBy(c => c.TaskId),
        "-createdAt" => rows.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.TaskId),
        _ => rows.OrderByDescending(c => c.Priority).ThenBy(c => c.CreatedAt).ThenBy(c => c.TaskId),
    };

    // The same orders over a page joined with its tasks.
    private static IQueryable<PageRow> Sort(IQueryable<PageRow> rows, string? sort) => sort switch
    {
        "dueAt" => rows.OrderBy(p => p.Row.DueOrder).ThenBy(p => p.Row.TaskId),
        "-dueAt" => rows.OrderBy(p => p.Row.DueAt == null).ThenByDescending(p => p.Row.DueAt).ThenBy(p => p.Row.TaskId),
        "priority" => rows.OrderBy(p => p.Row.Priority).ThenBy(p => p.Row.CreatedAt).ThenBy(p => p.Row.TaskId),
        "createdAt" => rows.OrderBy(p => p.Row.CreatedAt).ThenBy(p => p.Row.TaskId),
        "-createdAt" => rows.OrderByDescending(p => p.Row.CreatedAt).ThenBy(p => p.Row.TaskId),
        _ => rows.OrderByDescending(p => p.Row.Priority).ThenBy(p => p.Row.CreatedAt).ThenBy(p => p.Row.TaskId),
    };

    private sealed class PageRow
    {
        public required TaskCandidateRecord Row { get; init; }
        public required HumanTaskRecord Task { get; init; }
    }
}

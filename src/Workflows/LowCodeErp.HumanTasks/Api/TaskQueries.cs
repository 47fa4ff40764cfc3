using System.Text.Json;
using LowCodeErp.HumanTasks.Persistence;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.HumanTasks.Api;

/// <summary>Lists and counts for the inbox.</summary>
public sealed class TaskQueries(HumanTasksDbContextFactory contexts, TimeProvider clock, TaskInboxOptions options)
{
    private static readonly string[] Sorts = ["dueAt", "priority", "createdAt", "title"];

    /// <summary>Query errors keyed by parameter (empty when the query is fine).</summary>
    public static Dictionary<string, string[]> Check(TaskListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (query.View is { } view && !TaskViews.All.Contains(view))
        {
            errors["view"] = [$"must be one of {string.Join(", ", TaskViews.All)}."];
        }

        if (query.Sort is { } sort && !Sorts.Contains(sort.TrimStart('-')))
        {
            errors["sort"] = [$"must be one of {string.Join(", ", Sorts)}, optionally with a leading '-'."];
        }

        if (query.PageSize is < 1 or > 200)
        {
            errors["pageSize"] = ["must be between 1 and 200."];
        }

        if (query.Page is < 0)
        {
            errors["page"] = ["must not be negative."];
        }

        if (query.Variable?.FirstOrDefault(v => !v.Contains(':', StringComparison.Ordinal)) is { } bad)
        {
            errors["variable"] = [$"'{bad}' must be name:value."];
        }

        return errors;
    }

    /// <summary>One page of a view with filters and sorting.</summary>
    public async Task<TaskPage> ListAsync(TaskUser user, TaskListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = contexts.CreateDbContext();
        var now = clock.GetUtcNow();
        var page = query.Page ?? 0;
        var size = query.PageSize ?? 25;
        if ((query.View ?? TaskViews.Mine) == TaskViews.Candidate && CandidateInbox.Serves(query))
        {
            var branches = CandidateInbox.Branches(db, user, query, now);
            var (read, found) = await CandidateInbox.PageAsync(db, branches, query, cancellationToken);
            var (count, exact) = await TotalAsync(branches.Aggregate((all, b) => all.Concat(b)), page, size, read, cancellationToken);
            return new TaskPage([.. found.Select(t => ToItem(t, now))], count, page, size, exact);
        }

        // Other views, and candidate lists narrowed by a task filter (text, variable, business key), which drives the plan.
        var rows = Filter(db, TaskViews.Of(db, user, query.View ?? TaskViews.Mine).AsNoTracking(), query, now);
        var items = await Sort(rows, query.Sort).Skip(page * size).Take(size).ToListAsync(cancellationToken);
        var (total, totalExact) = await TotalAsync(rows, page, size, items.Count, cancellationToken);
        return new TaskPage([.. items.Select(t => ToItem(t, now))], total, page, size, totalExact);
    }

    /// <summary>Counts of the views (each up to the count limit).</summary>
    public async Task<TaskCounts> CountAsync(TaskUser user, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var now = clock.GetUtcNow();
        var mine = await CountUpToLimitAsync(TaskViews.MineOf(db, user), cancellationToken);
        var candidate = await CountUpToLimitAsync(TaskViews.CandidateRowsOf(db, user), cancellationToken);
        var overdue = await CountUpToLimitAsync(TaskViews.MineOf(db, user).Where(t => t.DueAt < now), cancellationToken);
        var completed = await CountUpToLimitAsync(TaskViews.CompletedOf(db, user), cancellationToken);
        return new TaskCounts(mine, candidate, overdue, completed, options.CountLimit);
    }

    /// <summary>
    /// The total of a list whose page held <paramref name="read"/> rows: a page that is not full (and not past the end)
    /// tells the total without a count; otherwise it is counted up to the limit.
    /// </summary>
    private async Task<(int Total, bool Exact)> TotalAsync<T>(IQueryable<T> rows, int page, int size, int read, CancellationToken cancellationToken)
    {
        if (read < size && (read > 0 || page == 0))
        {
            return ((page * size) + read, true);
        }

        var count = await rows.Take(options.CountLimit + 1).CountAsync(cancellationToken);
        // Past the limit: "at least" the limit, or as many as this page shows to exist.
        return count <= options.CountLimit ? (count, true) : (read > 0 ? Math.Max(options.CountLimit, (page * size) + read) : options.CountLimit, false);
    }

    // Reads at most limit + 1 rows, so a huge view costs no more than a small one.
    private async Task<int> CountUpToLimitAsync<T>(IQueryable<T> rows, CancellationToken cancellationToken) =>
        Math.Min(await rows.Take(options.CountLimit + 1).CountAsync(cancellationToken), options.CountLimit);

    private IQueryable<HumanTaskRecord> Filter(HumanTasksDbContext db, IQueryable<HumanTaskRecord> rows, TaskListQuery query, DateTimeOffset now)
    {
        rows = query.Definition is { } definition ? rows.Where(t => t.DefinitionId == definition) : rows;
        rows = query.Status is { } status ? rows.Where(t => t.Status == status) : rows;
        rows = query.DueBefore is { } before ? rows.Where(t => t.DueAt < before.ToUniversalTime()) : rows;
        rows = query.Overdue == true ? rows.Where(t => t.DueAt < now && TaskStatuses.Open.Contains(t.Status)) : rows;
        rows = query.Priority is { } priority ? rows.Where(t => t.Priority >= priority) : rows;
        return TaskColumnFilters(db, rows, query);
    }

    /// <summary>The filters only the task row (or its variables) can answer: business key, text, variable values.</summary>
    private IQueryable<HumanTaskRecord> TaskColumnFilters(HumanTasksDbContext db, IQueryable<HumanTaskRecord> rows, TaskListQuery query)
    {
        rows = query.BusinessKey is { } key ? rows.Where(t => t.BusinessKey == key) : rows;
        if (query.Q is { Length: > 0 } text)
        {
            var pattern = $"%{text.ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
            // PostgreSQL: ILIKE, which its trigram indexes serve; elsewhere a scan of LOWER(...) LIKE (same matches).
            rows = contexts.Provider == WorkflowsDatabaseProvider.PostgreSql
                ? rows.Where(t => EF.Functions.ILike(t.Title, pattern) || (t.Description != null && EF.Functions.ILike(t.Description, pattern))
                                  || (t.BusinessKey != null && EF.Functions.ILike(t.BusinessKey, pattern)))
                : rows.Where(t => EF.Functions.Like(t.Title.ToLower(), pattern) || (t.Description != null && EF.Functions.Like(t.Description.ToLower(), pattern))
                                  || (t.BusinessKey != null && EF.Functions.Like(t.BusinessKey.ToLower(), pattern)));
        }

        foreach (var filter in query.Variable ?? [])
        {
            var name = filter[..filter.IndexOf(':', StringComparison.Ordinal)];
            var value = filter[(name.Length + 1)..];
            rows = rows.Where(t => db.Variables.Any(v => v.TaskId == t.Id && v.Name == name && v.Value == value));
        }

        return rows;
    }

    private static IQueryable<HumanTaskRecord> Sort(IQueryable<HumanTaskRecord> rows, string? sort) => sort switch
    {
        "dueAt" => rows.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Id),
        "-dueAt" => rows.OrderBy(t => t.DueAt == null).ThenByDescending(t => t.DueAt).ThenBy(t => t.Id),
        "priority" => rows.OrderBy(t => t.Priority).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
        "createdAt" => rows.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        "-createdAt" => rows.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id),
        "title" => rows.OrderBy(t => t.Title).ThenBy(t => t.Id),
        "-title" => rows.OrderByDescending(t => t.Title).ThenBy(t => t.Id),
        _ => rows.OrderByDescending(t => t.Priority).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
    };

    internal static TaskItem ToItem(HumanTaskRecord t, DateTimeOffset now) => new(
        t.Id, t.Title, t.Description, t.InstanceId, t.DefinitionId, t.BusinessKey, t.Status, t.Assignee, t.Owner,
        Names(t.CandidateUsersJson), Names(t.CandidateRolesJson), Names(t.OutcomesJson), Names(t.CommentRequiredJson),
        JsonDocument.Parse(t.FormJson).RootElement.Clone(), t.Priority, t.DueAt, t.CreatedAt,
        t.DueAt < now && TaskStatuses.Open.Contains(t.Status));

    internal static List<string> Names(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}

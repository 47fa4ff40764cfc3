using System.Text.Json;

namespace LowCodeErp.HumanTasks.Api;

/// <summary>A task in a list.</summary>
public sealed record TaskItem(
    string Id, string Title, string? Description, string WorkflowInstanceId, string DefinitionId, string? BusinessKey, string Status,
    string? Assignee, string? Owner, IReadOnlyList<string> CandidateUsers, IReadOnlyList<string> CandidateRoles, IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> CommentRequiredFor, JsonElement Form, int Priority, DateTimeOffset? DueAt, DateTimeOffset CreatedAt, bool IsOverdue);

/// <summary>
/// One page of a list, with the total: exact, or (<paramref name="TotalCountExact"/> false) the count limit, meaning
/// "at least that many" (see <see cref="TaskInboxOptions.CountLimit"/>).
/// </summary>
public sealed record TaskPage(IReadOnlyList<TaskItem> Items, int TotalCount, int Page, int PageSize, bool TotalCountExact = true);

/// <summary>
/// A task with its result, process context, history and what the caller may do; where it stands in the flow: the
/// activity that created it in the definition version the instance runs.
/// </summary>
public sealed record TaskDetails(
    TaskItem Task, IReadOnlyList<string> ExcludedUsers, JsonElement Variables, string? Outcome, JsonElement? Data, string? Comment,
    string? CompletedBy, DateTimeOffset? EndedAt, IReadOnlyList<TaskHistoryItem> History, TaskPermissions Can,
    string ActivityId, int DefinitionVersion);

/// <summary>A history entry.</summary>
public sealed record TaskHistoryItem(DateTimeOffset At, string Action, string? UserName, string? Details);

/// <summary>What the caller may do with a task now.</summary>
public sealed record TaskPermissions(bool Claim, bool Unclaim, bool Delegate, bool Complete);

/// <summary>Counts for the inbox's view tabs; a count equal to <paramref name="Limit"/> means "at least that many".</summary>
public sealed record TaskCounts(int Mine, int Candidate, int Overdue, int Completed, int Limit = TaskInboxOptions.DefaultCountLimit);

/// <summary>Body of <c>/delegate</c>.</summary>
public sealed record DelegateTaskRequest(string? UserName);

/// <summary>Body of <c>/complete</c>.</summary>
public sealed record CompleteTaskRequest(string? Outcome, JsonElement? Data, string? Comment);

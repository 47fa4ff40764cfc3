namespace LowCodeErp.HumanTasks.Persistence;

/// <summary>
/// One human task: the inbox's projection of a waiting activity. Lists query only this table and its link tables,
/// never the engine's instance state.
/// </summary>
public sealed class HumanTaskRecord
{
    /// <summary>Task id (also the resume key the activity waits for).</summary>
    public string Id { get; set; } = "";
    /// <summary>The waiting instance.</summary>
    public string InstanceId { get; set; } = "";
    /// <summary>Logical definition id of the instance.</summary>
    public string DefinitionId { get; set; } = "";
    /// <summary>Definition version of the instance.</summary>
    public int DefinitionVersion { get; set; }
    /// <summary>The activity that created the task.</summary>
    public string ActivityId { get; set; } = "";
    /// <summary>The bookmark the instance waits on; completing resumes it.</summary>
    public string BookmarkId { get; set; } = "";
    /// <summary>Tasks of one approval share it (a person decides once per group).</summary>
    public string? GroupId { get; set; }
    /// <summary>The instance's correlation id.</summary>
    public string? BusinessKey { get; set; }
    /// <summary>Title.</summary>
    public string Title { get; set; } = "";
    /// <summary>Description.</summary>
    public string? Description { get; set; }
    /// <summary>One of <see cref="TaskStatuses"/>.</summary>
    public string Status { get; set; } = TaskStatuses.Unassigned;
    /// <summary>Higher is more urgent (0–100, 50 normal).</summary>
    public int Priority { get; set; }
    /// <summary>Who works on it now (the delegate while delegated).</summary>
    public string? Assignee { get; set; }
    /// <summary>Who stays responsible while the task is delegated.</summary>
    public string? Owner { get; set; }
    /// <summary>Candidate users as a JSON array (display; queries use <see cref="TaskLinkRecord"/>).</summary>
    public string CandidateUsersJson { get; set; } = "[]";
    /// <summary>Candidate roles as a JSON array.</summary>
    public string CandidateRolesJson { get; set; } = "[]";
    /// <summary>Excluded users (4-eyes) as a JSON array.</summary>
    public string ExcludedUsersJson { get; set; } = "[]";
    /// <summary>The outcomes (buttons) as a JSON array.</summary>
    public string OutcomesJson { get; set; } = "[]";
    /// <summary>Outcomes that need a comment, as a JSON array.</summary>
    public string CommentRequiredJson { get; set; } = "[]";
    /// <summary>The form schema with defaults resolved.</summary>
    public string FormJson { get; set; } = "{}";
    /// <summary>Scalar workflow variables when the task was created (process context).</summary>
    public string VariablesJson { get; set; } = "{}";
    /// <summary>Submitted form data.</summary>
    public string? DataJson { get; set; }
    /// <summary>Chosen outcome.</summary>
    public string? Outcome { get; set; }
    /// <summary>Completion comment.</summary>
    public string? Comment { get; set; }
    /// <summary>Who completed it.</summary>
    public string? CompletedBy { get; set; }
    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Due.</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>Claimed or assigned.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }
    /// <summary>Completed, cancelled or escalated away.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>When escalation re-assigned it.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
    /// <summary>Optimistic concurrency token: every change sets a new one.</summary>
    public Guid Version { get; set; }
}

/// <summary>Task statuses.</summary>
public static class TaskStatuses
{
    /// <summary>Open, nobody has it yet (candidates may claim).</summary>
    public const string Unassigned = "Unassigned";
    /// <summary>Open, assigned or claimed.</summary>
    public const string Assigned = "Assigned";
    /// <summary>Open, handed to a delegate; the owner stays responsible.</summary>
    public const string Delegated = "Delegated";
    /// <summary>Done; the instance went on.</summary>
    public const string Completed = "Completed";
    /// <summary>The instance stopped waiting (cancelled, or the approval was decided without it).</summary>
    public const string Cancelled = "Cancelled";
    /// <summary>Escalation took the Escalated port.</summary>
    public const string Escalated = "Escalated";

    /// <summary>Statuses in which the task can be worked on.</summary>
    public static readonly string[] Open = [Unassigned, Assigned, Delegated];
}

/// <summary>Kinds of <see cref="TaskLinkRecord"/>.</summary>
public static class TaskLinkKinds
{
    /// <summary>Candidate user.</summary>
    public const string CandidateUser = "U";
    /// <summary>Candidate role.</summary>
    public const string CandidateRole = "R";
    /// <summary>Excluded user (4-eyes).</summary>
    public const string Excluded = "X";
}

/// <summary>A task's candidate user, candidate role or excluded user: the indexed side of the candidate view.</summary>
public sealed class TaskLinkRecord
{
    /// <summary>Task.</summary>
    public string TaskId { get; set; } = "";
    /// <summary>One of <see cref="TaskLinkKinds"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>User or role name.</summary>
    public string Name { get; set; } = "";
}

/// <summary>A scalar variable value of a task's instance, for "variable = value" filters.</summary>
public sealed class TaskVariableRecord
{
    /// <summary>Task.</summary>
    public string TaskId { get; set; } = "";
    /// <summary>Variable name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Value as invariant text.</summary>
    public string? Value { get; set; }
}

/// <summary>One operation on a task (created, claimed, delegated, completed, escalated, …).</summary>
public sealed class TaskHistoryRecord
{
    /// <summary>Row id (orders the history).</summary>
    public long Id { get; set; }
    /// <summary>Task.</summary>
    public string TaskId { get; set; } = "";
    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>What, e.g. <c>Claimed</c>.</summary>
    public string Action { get; set; } = "";
    /// <summary>Who (null for the engine).</summary>
    public string? UserName { get; set; }
    /// <summary>Details, e.g. the delegate or the outcome.</summary>
    public string? Details { get; set; }
}

/// <summary>
/// The candidate view's index: one row per candidate user or role of a task while it is <see cref="TaskStatuses.Unassigned"/>,
/// with copies of the task's sort and filter columns, so the view is read in sort order from one index and counted from
/// it without touching the task rows. <see cref="Engine.CandidateProjection"/> keeps it in step with status changes.
/// </summary>
public sealed class TaskCandidateRecord
{
    /// <summary>Task.</summary>
    public string TaskId { get; set; } = "";
    /// <summary><see cref="TaskLinkKinds.CandidateUser"/> or <see cref="TaskLinkKinds.CandidateRole"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>User or role name.</summary>
    public string Name { get; set; } = "";
    /// <summary>The task's logical definition id.</summary>
    public string DefinitionId { get; set; } = "";
    /// <summary>The task's priority.</summary>
    public int Priority { get; set; }
    /// <summary>The task's creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The task's due date.</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>
    /// <see cref="DueAt"/>, or <see cref="NoDueDate"/> without one: "due first, undated last" then is a plain index order
    /// (an ORDER BY on "DueAt IS NULL" cannot use an index).
    /// </summary>
    public DateTimeOffset DueOrder { get; set; }

    /// <summary>Sorts after every real due date on every provider.</summary>
    public static readonly DateTimeOffset NoDueDate = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);
}

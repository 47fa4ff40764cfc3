namespace LowCodeErp.HumanTasks.Activities;

/// <summary>The bookmark a task's activity waits on (one per task; the task id makes its hash unique).</summary>
public static class HumanTaskBookmark
{
    /// <summary>Bookmark name.</summary>
    public const string Name = "Erp.HumanTask";

    /// <summary>The runtime's timer service fires bookmarks of this name at their <c>ResumeAt</c> (escalation).</summary>
    public const string EscalationTimerName = "Elsa.Delay";
}

/// <summary>Payload of a task bookmark.</summary>
public sealed record HumanTaskPayload(string TaskId);

/// <summary>Payload of an escalation timer: the runtime reads <c>ResumeAt</c> as the due time.</summary>
public sealed record EscalationPayload(DateTimeOffset ResumeAt, string Escalation = "HumanTask");

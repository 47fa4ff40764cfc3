namespace LowCodeErp.Workflows.Abstractions;

/// <summary>How an activity behaves in the toolbox and at run time (Elsa's ActivityKind).</summary>
public enum ActivityKind
{
    /// <summary>An ordinary step.</summary>
    Action,
    /// <summary>Can start a workflow (Event, Timer, HttpEndpoint).</summary>
    Trigger,
    /// <summary>Always runs in the background.</summary>
    Job,
    /// <summary>Runs in the background when <c>runAsynchronously</c> is set.</summary>
    Task,
}

/// <summary>Lifecycle of one activity execution.</summary>
public enum ActivityStatus
{
    /// <summary>Scheduled, not started.</summary>
    Pending,
    /// <summary>Started and not finished (possibly waiting on a bookmark or children).</summary>
    Running,
    /// <summary>Finished normally.</summary>
    Completed,
    /// <summary>Cancelled by a join, a parent or an operator.</summary>
    Canceled,
    /// <summary>Threw; an incident was recorded.</summary>
    Faulted,
}

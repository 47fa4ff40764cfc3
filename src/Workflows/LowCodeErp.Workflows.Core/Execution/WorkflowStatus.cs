namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>Main status of an instance (Elsa: Running or Finished).</summary>
public enum WorkflowStatus
{
    /// <summary>Pending, executing or suspended.</summary>
    Running,
    /// <summary>Finished, cancelled or faulted.</summary>
    Finished,
}

/// <summary>Detailed status of an instance (Elsa's WorkflowSubStatus).</summary>
public enum WorkflowSubStatus
{
    /// <summary>Created, not started.</summary>
    Pending,
    /// <summary>A burst is running.</summary>
    Executing,
    /// <summary>Waiting on bookmarks (or stopped by an incident under ContinueWithIncidents).</summary>
    Suspended,
    /// <summary>Completed.</summary>
    Finished,
    /// <summary>Cancelled.</summary>
    Cancelled,
    /// <summary>Faulted (incident strategy Fault).</summary>
    Faulted,
    /// <summary>Found executing after a crash.</summary>
    Interrupted,
}

/// <summary>How a flowchart decides when to run an activity with several inbound connections.</summary>
public enum FlowchartExecutionMode
{
    /// <summary>Use the definition's or the engine's setting.</summary>
    Default,
    /// <summary>Elsa's default: visit counters, implicit WaitAllActive joins, dead-path propagation.</summary>
    CounterBased,
    /// <summary>Elsa's opt-in token flow with per-activity merge modes.</summary>
    TokenBased,
}

/// <summary>What happens to the instance when an activity faults.</summary>
public enum IncidentStrategy
{
    /// <summary>The instance faults (Elsa's default).</summary>
    Fault,
    /// <summary>The faulted branch stops; other branches keep running.</summary>
    ContinueWithIncidents,
}

using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>
/// Everything needed to continue an instance later, in another process: taken between bursts, stored as JSON by the
/// runtime, and turned back into a live instance by <see cref="WorkflowStateMapper"/>. Values are plain JSON-able data.
/// </summary>
public sealed class WorkflowState
{
    /// <summary>Instance id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Logical definition id.</summary>
    public string DefinitionId { get; set; } = "";
    /// <summary>The definition version the instance is pinned to.</summary>
    public string DefinitionVersionId { get; set; } = "";
    /// <summary>Its version number.</summary>
    public int DefinitionVersion { get; set; }
    /// <summary>Correlation id.</summary>
    public string? CorrelationId { get; set; }
    /// <summary>Instance name.</summary>
    public string? Name { get; set; }
    /// <summary>Main status.</summary>
    public WorkflowStatus Status { get; set; }
    /// <summary>Detailed status.</summary>
    public WorkflowSubStatus SubStatus { get; set; }
    /// <summary>Flowchart mode the instance started with.</summary>
    public FlowchartExecutionMode FlowchartMode { get; set; }
    /// <summary>Trigger that started it, if any.</summary>
    public string? TriggerActivityId { get; set; }
    /// <summary>Whether the trigger already completed.</summary>
    public bool TriggerConsumed { get; set; }
    /// <summary>Last activity execution id handed out.</summary>
    public long NextActivityExecutionId { get; set; }
    /// <summary>Last journal sequence number.</summary>
    public long JournalSequence { get; set; }
    /// <summary>Workflow input.</summary>
    public Dictionary<string, object?> Input { get; set; } = [];
    /// <summary>Workflow output.</summary>
    public Dictionary<string, object?> Output { get; set; } = [];
    /// <summary>Instance properties.</summary>
    public Dictionary<string, object?> Properties { get; set; } = [];
    /// <summary>Open bookmarks.</summary>
    public List<Bookmark> Bookmarks { get; set; } = [];
    /// <summary>Incidents.</summary>
    public List<Incident> Incidents { get; set; } = [];
    /// <summary>Outcomes the workflow completed with.</summary>
    public List<string> CompletedOutcomes { get; set; } = [];
    /// <summary>Latest outputs per activity id (for output accessors in scripts).</summary>
    public Dictionary<string, Dictionary<string, object?>> ActivityOutputs { get; set; } = [];
    /// <summary>Activity executions that are running or faulted, parents before children.</summary>
    public List<ActivityExecutionState> ActivityExecutions { get; set; } = [];
    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Finished, if it did.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>One live activity execution in a <see cref="WorkflowState"/>.</summary>
public sealed class ActivityExecutionState
{
    /// <summary>Activity instance id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Parent execution id (null for the workflow root).</summary>
    public string? ParentId { get; set; }
    /// <summary>Node id of the activity in its definition.</summary>
    public string ActivityNodeId { get; set; } = "";
    /// <summary>Activity id (for readers of the stored JSON).</summary>
    public string ActivityId { get; set; } = "";
    /// <summary>Activity type (for readers of the stored JSON).</summary>
    public string ActivityType { get; set; } = "";
    /// <summary>Running or Faulted.</summary>
    public ActivityStatus Status { get; set; }
    /// <summary>The tag the parent scheduled it with.</summary>
    public object? Tag { get; set; }
    /// <summary>Values the scheduler passed.</summary>
    public Dictionary<string, object?> ScheduleInput { get; set; } = [];
    /// <summary>Per-execution state of the activity.</summary>
    public Dictionary<string, object?> Properties { get; set; } = [];
    /// <summary>Values of variables this execution declares, by variable id.</summary>
    public Dictionary<string, object?>? Variables { get; set; }
    /// <summary>Inputs of a workflow used as an activity.</summary>
    public Dictionary<string, object?>? InputScope { get; set; }
    /// <summary>Outputs collected by a workflow used as an activity.</summary>
    public Dictionary<string, object?>? OutputScope { get; set; }
    /// <summary>Version id of the definition run by a workflow used as an activity.</summary>
    public string? CompositeDefinitionVersionId { get; set; }
    /// <summary>Outcomes requested by script.</summary>
    public List<string>? RequestedOutcomes { get; set; }
    /// <summary>Ids of this execution's open bookmarks.</summary>
    public List<string> BookmarkIds { get; set; } = [];
    /// <summary>Started.</summary>
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Fault count.</summary>
    public int FaultCount { get; set; }
}

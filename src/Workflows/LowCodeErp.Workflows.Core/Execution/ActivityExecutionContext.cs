using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>One execution of one activity. Implements what activities see; the engine drives the lifecycle.</summary>
public sealed partial class ActivityExecutionContext : IActivityExecutionContext
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
    private Dictionary<string, object?>? _properties;
    private List<ActivityExecutionContext>? _children;
    private List<Bookmark>? _bookmarks;

    internal ActivityExecutionContext(WorkflowExecutionContext workflow, Activity activity, ActivityExecutionContext? parent, object? tag, IReadOnlyDictionary<string, object?>? scheduleInput, string? id = null, DateTimeOffset? startedAt = null)
    {
        WorkflowContext = workflow;
        Activity = activity;
        ParentContext = parent;
        Tag = tag;
        ScheduleInput = scheduleInput ?? Empty;
        Id = id ?? workflow.NextId();
        StartedAt = startedAt ?? workflow.Clock.GetUtcNow();
        if (activity is IVariableContainer container && container.Variables.Count > 0)
        {
            Variables = new VariableScope(container.Variables);
        }
    }

    /// <inheritdoc />
    public string Id { get; }
    /// <inheritdoc />
    public Activity Activity { get; }
    /// <summary>The parent execution.</summary>
    public ActivityExecutionContext? ParentContext { get; }
    /// <inheritdoc />
    public IActivityExecutionContext? Parent => ParentContext;
    /// <summary>The workflow instance.</summary>
    public WorkflowExecutionContext WorkflowContext { get; }
    /// <inheritdoc />
    public IWorkflowContext Workflow => WorkflowContext;
    /// <inheritdoc />
    public ActivityStatus Status { get; private set; } = ActivityStatus.Running;
    /// <inheritdoc />
    public IDictionary<string, object?> Properties => _properties ??= [];
    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> ScheduleInput { get; }
    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> ResumeInput { get; internal set; } = Empty;
    /// <inheritdoc />
    public IEnumerable<IActivityExecutionContext> Children => (IEnumerable<IActivityExecutionContext>?)_children ?? [];
    /// <inheritdoc />
    public IServiceProvider Services => WorkflowContext.Services;
    /// <inheritdoc />
    public CancellationToken CancellationToken => WorkflowContext.CancellationToken;
    /// <summary>The tag the parent scheduled this execution with.</summary>
    public object? Tag { get; }
    /// <summary>When the execution started.</summary>
    public DateTimeOffset StartedAt { get; }
    /// <summary>When it completed, if it did.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }
    /// <summary>How often it faulted.</summary>
    public int FaultCount { get; private set; }
    /// <summary>Output values set during this execution.</summary>
    public Dictionary<string, object?>? OutputValues { get; private set; }
    /// <summary>Variables declared by this activity (containers and workflows), if any.</summary>
    internal VariableScope? Variables { get; set; }
    /// <summary>Inputs visible to expressions below this context (the workflow's or a workflow-as-activity's).</summary>
    internal IDictionary<string, object?>? InputScope { get; set; }
    /// <summary>Where SetOutput and unbound output references write (the workflow's or a workflow-as-activity's).</summary>
    internal IDictionary<string, object?>? OutputScope { get; set; }
    /// <summary>The graph of a workflow used as an activity, set on that activity's execution.</summary>
    internal WorkflowGraph? CompositeGraph { get; set; }
    /// <summary>Outcomes requested by script (<c>setOutcome</c>).</summary>
    internal List<string>? RequestedOutcomes { get; set; }
    internal int PendingWorkCount { get; private set; }
    internal IReadOnlyList<ActivityExecutionContext> ChildContexts => (IReadOnlyList<ActivityExecutionContext>?)_children ?? [];
    internal bool HasBookmarks => _bookmarks is { Count: > 0 };

    /// <summary>Whether children are running or queued (a flowchart waits for them before completing).</summary>
    internal bool HasPendingWork()
    {
        if (PendingWorkCount > 0)
        {
            return true;
        }

        if (_children is null)
        {
            return false;
        }

        foreach (var child in _children)
        {
            if (child.Status == ActivityStatus.Running)
            {
                return true;
            }
        }

        return false;
    }

    internal bool HasFaultedChildren() => _children?.Exists(c => c.Status == ActivityStatus.Faulted) == true;

    internal void IncrementPending() => PendingWorkCount++;
    internal void DecrementPending() => PendingWorkCount--;
    internal void ResetPending() => PendingWorkCount = 0;
    internal void AddChild(ActivityExecutionContext child) => (_children ??= []).Add(child);
    internal void RemoveChild(ActivityExecutionContext child) => _children?.Remove(child);

    /// <inheritdoc />
    public void AddJournalEntry(string eventName, string? message = null, object? payload = null) =>
        WorkflowContext.AddJournal(this, eventName, message, payload);

    /// <inheritdoc />
    public override string ToString() => $"{Activity} #{Id} ({Status})";
}

using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>
/// One workflow instance while it runs: the FIFO queue of work, the live activity executions, bookmarks, incidents and
/// the journal. Exactly one burst runs at a time per instance (the runtime guarantees it with a lock).
/// </summary>
public sealed class WorkflowExecutionContext : IWorkflowContext
{
    private readonly Queue<WorkItem> _queue = new();
    private long _nextId;
    private long _journalSequence;
    private bool _triggerConsumed;

    internal WorkflowExecutionContext(WorkflowGraph graph, IServiceProvider services, RunOptions options, WorkflowEngineOptions engineOptions, TimeProvider clock, TextWriter standardOutput, CancellationToken cancellationToken)
    {
        Graph = graph;
        Services = services;
        EngineOptions = engineOptions;
        Clock = clock;
        StandardOutput = standardOutput;
        CancellationToken = cancellationToken;
        InstanceId = options.InstanceId ?? InstanceIds.New(clock.GetUtcNow());
        CorrelationId = options.CorrelationId;
        Input = new Dictionary<string, object?>(options.Input ?? new Dictionary<string, object?>(), StringComparer.OrdinalIgnoreCase);
        Properties = new Dictionary<string, object?>(options.Properties ?? new Dictionary<string, object?>());
        if (options.ParentInstanceId is not null)
        {
            Properties["ParentInstanceId"] = options.ParentInstanceId;
        }

        TriggerActivityId = options.TriggerActivityId;
        FlowchartMode = ResolveFlowchartMode(options.FlowchartMode, graph.Definition, engineOptions);
        IncidentStrategy = ResolveIncidentStrategy(graph.Definition, engineOptions);
        CreatedAt = clock.GetUtcNow();
    }

    /// <summary>The compiled definition this instance runs.</summary>
    public WorkflowGraph Graph { get; }
    /// <summary>The definition this instance runs.</summary>
    public WorkflowDefinition Definition => Graph.Definition;
    /// <inheritdoc />
    public string InstanceId { get; }
    /// <inheritdoc />
    public string DefinitionId => Definition.DefinitionId;
    /// <inheritdoc />
    public string DefinitionVersionId => Definition.Id;
    /// <inheritdoc />
    public int DefinitionVersion => Definition.Version;
    /// <inheritdoc />
    public string? CorrelationId { get; set; }
    /// <inheritdoc />
    public string? Name { get; set; }
    /// <inheritdoc />
    public IDictionary<string, object?> Input { get; }
    /// <inheritdoc />
    public IDictionary<string, object?> Output { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
    /// <inheritdoc />
    public IDictionary<string, object?> Properties { get; }
    /// <inheritdoc />
    public string? TriggerActivityId { get; }
    /// <inheritdoc />
    public bool TryConsumeTrigger(string activityId)
    {
        if (_triggerConsumed || !string.Equals(TriggerActivityId, activityId, StringComparison.Ordinal))
        {
            return false;
        }

        _triggerConsumed = true;
        return true;
    }

    /// <inheritdoc />
    public TextWriter StandardOutput { get; }
    /// <inheritdoc />
    public TimeProvider Clock { get; }
    /// <summary>Main status.</summary>
    public WorkflowStatus Status => SubStatus is WorkflowSubStatus.Finished or WorkflowSubStatus.Cancelled or WorkflowSubStatus.Faulted
        ? WorkflowStatus.Finished
        : WorkflowStatus.Running;
    /// <summary>Detailed status.</summary>
    public WorkflowSubStatus SubStatus { get; internal set; } = WorkflowSubStatus.Pending;
    /// <summary>Flowchart mode in force for this instance.</summary>
    public FlowchartExecutionMode FlowchartMode { get; }
    /// <summary>Incident strategy in force for this instance.</summary>
    public IncidentStrategy IncidentStrategy { get; }
    /// <summary>Open bookmarks.</summary>
    public List<Bookmark> Bookmarks { get; } = [];
    /// <summary>Recorded incidents.</summary>
    public List<Incident> Incidents { get; } = [];
    /// <summary>The execution journal.</summary>
    public List<JournalEntry> Journal { get; } = [];

    /// <summary>
    /// Child instances ExecuteWorkflow ran inline during the current burst. The in-memory runner only runs them; a durable
    /// runtime saves them in the same transaction as this instance (and then clears the list).
    /// </summary>
    public List<WorkflowExecutionContext> InlineChildren { get; } = [];
    /// <summary>Outcomes the workflow completed with (Elsa.Complete at the top level).</summary>
    public IReadOnlyList<string> CompletedOutcomes { get; internal set; } = [];
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; internal set; }
    /// <summary>Finish time, once finished.</summary>
    public DateTimeOffset? FinishedAt { get; internal set; }
    /// <summary>The root activity execution (holds the workflow variables).</summary>
    public ActivityExecutionContext? RootContext { get; internal set; }
    /// <summary>Values of the workflow-level variables by name.</summary>
    public IReadOnlyDictionary<string, object?> Variables => RootContext?.VariableValuesByName() ?? new Dictionary<string, object?>();

    internal IServiceProvider Services { get; }
    internal WorkflowEngineOptions EngineOptions { get; }
    internal CancellationToken CancellationToken { get; set; }
    internal Dictionary<string, ActivityExecutionContext> LiveContexts { get; } = [];
    internal Dictionary<string, Dictionary<string, object?>> LastOutputs { get; } = [];
    internal object? LastResult { get; set; }
    internal int ExecutionsThisBurst { get; set; }
    internal bool HasQueuedWork => _queue.Count > 0;

    /// <summary>Counters that must survive a snapshot so ids and journal sequences never repeat.</summary>
    internal (long NextId, long JournalSequence, bool TriggerConsumed) Counters
    {
        get => (_nextId, _journalSequence, _triggerConsumed);
        set => (_nextId, _journalSequence, _triggerConsumed) = value;
    }

    internal string NextId() => (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal void Enqueue(WorkItem item)
    {
        item.Owner?.IncrementPending();
        _queue.Enqueue(item);
    }

    internal bool TryDequeue(out WorkItem item)
    {
        if (_queue.TryDequeue(out item!))
        {
            item.Owner?.DecrementPending();
            return true;
        }

        return false;
    }

    /// <summary>Removes queued work owned by <paramref name="owner"/> (used when it is cancelled).</summary>
    internal void WithdrawWorkOwnedBy(ActivityExecutionContext owner)
    {
        if (owner.PendingWorkCount == 0)
        {
            return;
        }

        // Rotate the queue once, keeping the order of what stays (no closure: this runs on every completion).
        for (var remaining = _queue.Count; remaining > 0; remaining--)
        {
            var item = _queue.Dequeue();
            if (item.Owner != owner)
            {
                _queue.Enqueue(item);
            }
        }

        owner.ResetPending();
    }

    /// <summary>Whether <paramref name="activity"/> is queued by <paramref name="owner"/> and not yet started.</summary>
    internal bool IsScheduled(ActivityExecutionContext owner, Activity activity)
    {
        if (owner.PendingWorkCount == 0)
        {
            return false;
        }

        foreach (var item in _queue)
        {
            if (item.Owner == owner && item.Activity == activity && item.ResumeContext is null)
            {
                return true;
            }
        }

        return false;
    }

    internal void ClearQueue()
    {
        while (TryDequeue(out _))
        {
        }
    }

    internal void AddJournal(ActivityExecutionContext context, string eventName, string? message = null, object? payload = null)
    {
        if (!EngineOptions.EnableJournal)
        {
            return;
        }

        var activity = context.Activity;
        Journal.Add(new JournalEntry(++_journalSequence, Clock.GetUtcNow(), context.Id, context.ParentContext?.Id, activity.Id,
            activity.Type, activity.Name, activity.NodeId ?? activity.Id, eventName, message, payload));
    }

    private static FlowchartExecutionMode ResolveFlowchartMode(FlowchartExecutionMode requested, WorkflowDefinition definition, WorkflowEngineOptions options)
    {
        if (requested != FlowchartExecutionMode.Default)
        {
            return requested;
        }

        var fromDefinition = definition.CustomProperties["Flowchart:ExecutionMode"] ?? definition.CustomProperties["flowchartExecutionMode"];
        if (fromDefinition is not null && Enum.TryParse<FlowchartExecutionMode>(fromDefinition.ToString(), true, out var parsed) && parsed != FlowchartExecutionMode.Default)
        {
            return parsed;
        }

        return options.DefaultFlowchartMode == FlowchartExecutionMode.Default ? FlowchartExecutionMode.CounterBased : options.DefaultFlowchartMode;
    }

    private static IncidentStrategy ResolveIncidentStrategy(WorkflowDefinition definition, WorkflowEngineOptions options)
    {
        var name = definition.Options.IncidentStrategyType;
        if (string.IsNullOrEmpty(name))
        {
            return options.DefaultIncidentStrategy;
        }

        return name.Contains("ContinueWithIncidents", StringComparison.OrdinalIgnoreCase) ? IncidentStrategy.ContinueWithIncidents : IncidentStrategy.Fault;
    }
}

/// <summary>A queued piece of work: run an activity, or resume one from a bookmark.</summary>
internal sealed record WorkItem(
    ActivityExecutionContext? Owner,
    Activity Activity,
    object? Tag = null,
    IReadOnlyDictionary<string, object?>? Input = null,
    ActivityExecutionContext? ResumeContext = null,
    Bookmark? Bookmark = null,
    IReadOnlyDictionary<string, object?>? ResumeInput = null);

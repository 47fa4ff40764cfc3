namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>How to start one instance.</summary>
public sealed class RunOptions
{
    /// <summary>Instance id; generated when null.</summary>
    public string? InstanceId { get; init; }
    /// <summary>Correlation id (business key).</summary>
    public string? CorrelationId { get; init; }
    /// <summary>Workflow input.</summary>
    public IDictionary<string, object?>? Input { get; init; }
    /// <summary>Initial instance properties (e.g. <c>ParentInstanceId</c>).</summary>
    public IDictionary<string, object?>? Properties { get; init; }
    /// <summary>The trigger activity that starts the instance (it becomes the flowchart start and completes at once).</summary>
    public string? TriggerActivityId { get; init; }
    /// <summary>Overrides the flowchart mode of the definition and the engine.</summary>
    public FlowchartExecutionMode FlowchartMode { get; init; }
    /// <summary>Where WriteLine writes; the engine's default writer when null.</summary>
    public TextWriter? StandardOutput { get; init; }
    /// <summary>Parent instance, when started by ExecuteWorkflow/DispatchWorkflow.</summary>
    public string? ParentInstanceId { get; init; }
}

/// <summary>Engine-wide settings.</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>Flowchart mode when neither the run nor the definition says (Elsa's default: CounterBased).</summary>
    public FlowchartExecutionMode DefaultFlowchartMode { get; set; } = FlowchartExecutionMode.CounterBased;
    /// <summary>Incident strategy when the definition does not say.</summary>
    public IncidentStrategy DefaultIncidentStrategy { get; set; } = IncidentStrategy.Fault;
    /// <summary>Upper bound of activity executions in one burst: a guard against runaway loops.</summary>
    public int MaxActivityExecutionsPerBurst { get; set; } = 1_000_000;
    /// <summary>Whether the journal records every activity event (turn off for bulk throughput).</summary>
    public bool EnableJournal { get; set; } = true;
}

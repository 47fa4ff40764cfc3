namespace LowCodeErp.Workflows.Api.Models;

/// <summary>Elsa's <c>ActivityStatus</c> of an execution record.</summary>
public enum ActivityExecutionStatus
{
    /// <summary>Scheduled, not started.</summary>
    Pending,

    /// <summary>Started and not finished (also waiting on a bookmark).</summary>
    Running,

    /// <summary>Finished.</summary>
    Completed,

    /// <summary>Canceled.</summary>
    Canceled,

    /// <summary>Faulted.</summary>
    Faulted,
}

/// <summary>One row of <c>GET /activity-execution-summaries/list</c> (Elsa's <c>ActivityExecutionRecordSummary</c>).</summary>
public sealed record ActivityExecutionSummaryModel(
    string Id, string WorkflowInstanceId, string ActivityId, string ActivityNodeId, string ActivityType, int ActivityTypeVersion,
    string? ActivityName, DateTimeOffset StartedAt, bool HasBookmarks, ActivityExecutionStatus Status, int AggregateFaultCount,
    DateTimeOffset? CompletedAt, IReadOnlyDictionary<string, object?> Metadata);

/// <summary><c>GET /activity-executions/by-id</c> and <c>/activity-executions/list</c> (Elsa 3.8's <c>ActivityExecutionRecord</c>).</summary>
public sealed record ActivityExecutionRecordModel(
    string Id, string WorkflowInstanceId, string ActivityId, string ActivityNodeId, string ActivityType, int ActivityTypeVersion,
    string? ActivityName, IReadOnlyDictionary<string, object?> ActivityState, IReadOnlyDictionary<string, object?> Payload,
    IReadOnlyDictionary<string, object?> Outputs, IReadOnlyDictionary<string, object?> Properties, IReadOnlyDictionary<string, object?> Metadata,
    object? Exception, DateTimeOffset StartedAt, bool HasBookmarks, ActivityExecutionStatus Status, int AggregateFaultCount,
    DateTimeOffset? CompletedAt, string? SchedulingActivityExecutionId, string? SchedulingActivityId, string? SchedulingWorkflowInstanceId,
    int? CallStackDepth);

/// <summary><c>GET /activity-executions/{id}/call-stack</c>: the record and its scheduling ancestors, innermost first.</summary>
public sealed record ActivityExecutionCallStackModel(string ActivityInstanceId, IReadOnlyList<ActivityExecutionRecordModel> Items, int TotalCount);

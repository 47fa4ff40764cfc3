using System.Text.Json.Nodes;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Api.Models;

/// <summary>Instance list filter as Studio posts it (<c>POST /workflow-instances</c>); <see cref="Page"/> is 0-based.</summary>
public sealed record ListInstancesRequest(
    int? Page, int? PageSize, string? DefinitionId, string[]? DefinitionIds, string? CorrelationId, string? Status, string[]? Statuses);

/// <summary>One row of the instance list.</summary>
public sealed record WorkflowInstanceSummaryModel(
    string Id, string DefinitionId, string DefinitionVersionId, int Version, WorkflowStatus Status, WorkflowSubStatus SubStatus,
    string? CorrelationId, string? Name, int IncidentCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt);

/// <summary><c>GET /workflow-instances/{id}</c>.</summary>
public sealed record WorkflowInstanceModel(
    string Id, string DefinitionId, string DefinitionVersionId, int Version, JsonNode WorkflowState, WorkflowStatus Status,
    WorkflowSubStatus SubStatus, bool IsExecuting, string? CorrelationId, string? Name, int IncidentCount, bool IsSystem,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt);

/// <summary>Polling observer's view; the server field is <c>subStatus</c>, the Studio client reads <c>workflowSubStatus</c>.</summary>
public sealed record WorkflowExecutionStateModel(WorkflowStatus Status, WorkflowSubStatus SubStatus, WorkflowSubStatus WorkflowSubStatus, DateTimeOffset UpdatedAt);

/// <summary>Journal filter Studio posts (<c>POST /workflow-instances/{id}/journal</c>).</summary>
public sealed record JournalFilterRequest(JournalFilter? Filter);

/// <summary>Which journal records to keep.</summary>
public sealed record JournalFilter(string[]? ActivityIds, string[]? ActivityNodeIds, string[]? ExcludedActivityTypes, string[]? EventNames);

/// <summary>One journal record (Elsa's <c>WorkflowExecutionLogRecord</c>).</summary>
public sealed record JournalRecordModel(
    string Id, string WorkflowInstanceId, string ActivityInstanceId, string? ParentActivityInstanceId, string ActivityId, string ActivityType,
    int ActivityTypeVersion, string? ActivityName, string NodeId, DateTimeOffset Timestamp, long Sequence, string EventName, string? Message,
    object? Payload);

/// <summary>Body of <c>POST /activity-executions/report</c>.</summary>
public sealed record ActivityExecutionReportRequest(string? WorkflowInstanceId, string[]? ActivityNodeIds);

/// <summary>Per-node counts that colour the instance viewer.</summary>
public sealed record ActivityExecutionStatsModel(
    string ActivityId, string ActivityNodeId, int StartedCount, int CompletedCount, int UncompletedCount, bool IsBlocked, bool IsFaulted);

/// <summary><c>{"stats": […]}</c>.</summary>
public sealed record ActivityExecutionReportResponse(IReadOnlyList<ActivityExecutionStatsModel> Stats);

/// <summary>Body of the instance bulk actions: <c>{"ids": […]}</c>.</summary>
public sealed record BulkInstancesRequest(string[]? Ids);

/// <summary><c>{"deleted": n}</c>.</summary>
public sealed record BulkDeleteResponse(int Deleted);

/// <summary><c>{"cancelled": n}</c>.</summary>
public sealed record BulkCancelResponse(int Cancelled);

/// <summary>One workflow variable of an instance (Elsa's <c>ResolvedVariableModel</c>).</summary>
public sealed record ResolvedVariableModel(string Id, string Name, object? Value);

/// <summary>One new value: <c>{"id", "value"}</c> (the id or the name of the variable).</summary>
public sealed record VariableUpdateValue(string? Id, System.Text.Json.JsonElement? Value);

/// <summary>Body of <c>POST /workflow-instances/{id}/variables</c>.</summary>
public sealed record UpdateVariablesRequest(VariableUpdateValue[]? Variables);

/// <summary>Outcome of an instance import: <c>count</c> for Studio's client, <c>imported</c> as Elsa's server names it.</summary>
public sealed record ImportInstancesResponse(int Count, int Imported);

/// <summary>Body of <c>POST /alterations/submit</c> (Elsa's <c>AlterationPlanParams</c>).</summary>
public sealed record AlterationPlanRequest(string? Id, JsonObject?[]? Alterations, AlterationFilter? Filter);

/// <summary>Which instances an alteration plan applies to (Elsa's <c>AlterationWorkflowInstanceFilter</c>).</summary>
public sealed record AlterationFilter(
    bool EmptyFilterSelectsAll, string[]? WorkflowInstanceIds, string[]? CorrelationIds, string[]? Names, string? SearchTerm,
    JsonObject[]? TimestampFilters, string[]? DefinitionIds, string[]? DefinitionVersionIds, bool? HasIncidents, bool? IsSystem,
    string[]? Statuses, string[]? SubStatuses, JsonObject[]? ActivityFilters);

/// <summary><c>{"planId": "…"}</c>.</summary>
public sealed record SubmitAlterationPlanResponse(string PlanId);

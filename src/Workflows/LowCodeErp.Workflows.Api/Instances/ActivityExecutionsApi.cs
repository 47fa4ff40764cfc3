using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Instances;

/// <summary>
/// The activity execution routes of Studio's instance viewer (list, summaries, by-id, call stack, count), answered from
/// the journal — see <see cref="ActivityExecutionRecords"/>.
/// </summary>
public static class ActivityExecutionsApi
{
    private const int MaxRecords = 10_000;

    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapActivityExecutionsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/activity-execution-summaries/list", ListSummariesAsync).WithTags("Activity executions")
            .WithName("ListActivityExecutionSummaries").WithSummary("Executions of an instance (optionally of one node), summarized.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        var group = api.MapGroup("/activity-executions").WithTags("Activity executions");
        group.MapGet("/list", ListAsync).WithName("ListActivityExecutions").WithSummary("Executions of an instance (optionally of one node).")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/count", CountAsync).WithName("CountActivityExecutions").WithSummary("How many executions match.").RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/by-id", GetByIdAsync).WithName("GetActivityExecution").WithSummary("One execution record (id = instanceId:activityInstanceId).")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/{id}/call-stack", GetCallStackAsync).WithName("GetActivityExecutionCallStack").WithSummary("The record and the executions that scheduled it.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        return api;
    }

    private static async Task<Ok<ListResponse<ActivityExecutionSummaryModel>>> ListSummariesAsync(
        string? workflowInstanceId, string? activityNodeId, IWorkflowInstanceStore instances, IWorkflowLogStore logs, CancellationToken cancellationToken) =>
        TypedResults.Ok(ListResponse.Of<ActivityExecutionSummaryModel>(
            [.. (await LoadAsync(workflowInstanceId, activityNodeId, instances, logs, cancellationToken)).Select(ActivityExecutionRecords.Summarize)]));

    private static async Task<Ok<ListResponse<ActivityExecutionRecordModel>>> ListAsync(
        string? workflowInstanceId, string? activityNodeId, IWorkflowInstanceStore instances, IWorkflowLogStore logs, CancellationToken cancellationToken) =>
        TypedResults.Ok(ListResponse.Of(await LoadAsync(workflowInstanceId, activityNodeId, instances, logs, cancellationToken)));

    private static async Task<Ok<CountResponse>> CountAsync(
        string? workflowInstanceId, string? activityNodeId, IWorkflowInstanceStore instances, IWorkflowLogStore logs, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CountResponse((await LoadAsync(workflowInstanceId, activityNodeId, instances, logs, cancellationToken)).Count));

    private static async Task<Results<Ok<ActivityExecutionRecordModel>, NotFound>> GetByIdAsync(
        string? id, IWorkflowInstanceStore instances, IWorkflowLogStore logs, CancellationToken cancellationToken)
    {
        if (id is null || !ActivityExecutionRecords.TryParse(id, out var instanceId, out _))
        {
            return TypedResults.NotFound();
        }

        var record = (await LoadAsync(instanceId, null, instances, logs, cancellationToken)).FirstOrDefault(r => r.Id == id);
        return record is null ? TypedResults.NotFound() : TypedResults.Ok(record);
    }

    private static async Task<Results<Ok<ActivityExecutionCallStackModel>, NotFound>> GetCallStackAsync(
        string id, IWorkflowInstanceStore instances, IWorkflowLogStore logs, CancellationToken cancellationToken)
    {
        if (!ActivityExecutionRecords.TryParse(id, out var instanceId, out var activityInstanceId))
        {
            return TypedResults.NotFound();
        }

        var records = (await LoadAsync(instanceId, null, instances, logs, cancellationToken)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var stack = new List<ActivityExecutionRecordModel>();
        for (var current = id; current is not null && records.TryGetValue(current, out var record); current = record.SchedulingActivityExecutionId)
        {
            stack.Add(record);
        }

        return stack.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(new ActivityExecutionCallStackModel(activityInstanceId, stack, stack.Count));
    }

    private static async Task<IReadOnlyList<ActivityExecutionRecordModel>> LoadAsync(
        string? instanceId, string? activityNodeId, IWorkflowInstanceStore instances, IWorkflowLogStore logs, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(instanceId) || await instances.LoadAsync(instanceId, cancellationToken) is not { State: var state })
        {
            return [];
        }

        var records = ActivityExecutionRecords.Build(state, await logs.ListJournalAsync(instanceId, 0, MaxRecords, cancellationToken));
        return activityNodeId is null ? records : [.. records.Where(r => r.ActivityNodeId == activityNodeId)];
    }
}

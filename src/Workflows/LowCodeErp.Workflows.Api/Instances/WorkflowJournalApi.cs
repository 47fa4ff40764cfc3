using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Instances;

/// <summary>An instance's journal (Studio posts a filter) and the per-activity report that colours the instance viewer.</summary>
public static class WorkflowJournalApi
{
    private const int MaxRecords = 10_000;

    /// <summary>Maps the journal and report routes.</summary>
    public static RouteGroupBuilder MapWorkflowJournalApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/workflow-instances").WithTags("Workflow instances");
        group.MapGet("/{id}/journal", (string id, int? skip, int? take, IWorkflowInstanceStore instances, IWorkflowLogStore logs, CancellationToken cancellationToken) =>
            ListAsync(id, null, skip, take, instances, logs, cancellationToken)).WithName("GetWorkflowInstanceJournal").WithSummary("An instance's journal in sequence order.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapPost("/{id}/journal", (string id, JournalFilterRequest? request, int? skip, int? take, IWorkflowInstanceStore instances, IWorkflowLogStore logs, CancellationToken cancellationToken) =>
            ListAsync(id, request?.Filter, skip, take, instances, logs, cancellationToken)).WithName("FilterWorkflowInstanceJournal").WithSummary("An instance's journal, filtered.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        api.MapPost("/activity-executions/report", ReportAsync).WithTags("Workflow instances").WithName("ReportActivityExecutions").WithSummary("Started/completed/blocked/faulted per activity node.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        return api;
    }

    private static async Task<Results<Ok<PagedListResponse<JournalRecordModel>>, NotFound>> ListAsync(
        string id, JournalFilter? filter, int? skip, int? take, IWorkflowInstanceStore instances, IWorkflowLogStore logs, CancellationToken cancellationToken)
    {
        if (await instances.LoadAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var records = (await logs.ListJournalAsync(id, 0, MaxRecords, cancellationToken)).Where(e => Matches(e, filter)).ToList();
        var page = records.Skip(Math.Max(skip ?? 0, 0)).Take(take is > 0 and var t ? t : MaxRecords)
            .Select(e => new JournalRecordModel($"{id}:{e.Sequence}", id, e.ActivityInstanceId, e.ParentActivityInstanceId, e.ActivityId, e.ActivityType, 1,
                e.ActivityName, e.ActivityNodeId, e.Timestamp, e.Sequence, e.EventName, e.Message, e.Payload));
        return TypedResults.Ok(new PagedListResponse<JournalRecordModel>([.. page], records.Count, []));
    }

    private static async Task<Results<Ok<ActivityExecutionReportResponse>, NotFound>> ReportAsync(
        ActivityExecutionReportRequest request, IWorkflowInstanceStore instances, IWorkflowLogStore logs, CancellationToken cancellationToken)
    {
        if (request.WorkflowInstanceId is null || await instances.LoadAsync(request.WorkflowInstanceId, cancellationToken) is not { State: var state })
        {
            return TypedResults.NotFound();
        }

        var journal = await logs.ListJournalAsync(state.Id, 0, MaxRecords, cancellationToken);
        var nodes = request.ActivityNodeIds is { Length: > 0 } wanted ? wanted : [.. journal.Select(e => e.ActivityNodeId).Distinct()];
        var blocked = state.Bookmarks.Select(b => b.ActivityNodeId).ToHashSet(StringComparer.Ordinal);
        var stats = nodes.Select(node =>
        {
            var entries = journal.Where(e => e.ActivityNodeId == node).ToList();
            var started = entries.Count(e => e.EventName == "Started");
            var completed = entries.Count(e => e.EventName == "Completed");
            var activityId = entries.FirstOrDefault()?.ActivityId ?? node.Split(':')[^1];
            return new ActivityExecutionStatsModel(activityId, node, started, completed, Math.Max(started - completed, 0),
                blocked.Contains(node), entries.Any(e => e.EventName == "Faulted"));
        });
        return TypedResults.Ok(new ActivityExecutionReportResponse([.. stats]));
    }

    private static bool Matches(JournalEntry entry, JournalFilter? filter) =>
        filter is null
        || ((filter.ActivityIds is not { Length: > 0 } ids || ids.Contains(entry.ActivityId))
            && (filter.ActivityNodeIds is not { Length: > 0 } nodes || nodes.Contains(entry.ActivityNodeId))
            && (filter.ExcludedActivityTypes is not { Length: > 0 } excluded || !excluded.Contains(entry.ActivityType))
            && (filter.EventNames is not { Length: > 0 } events || events.Contains(entry.EventName)));
}

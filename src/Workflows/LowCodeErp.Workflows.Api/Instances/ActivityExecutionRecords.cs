using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Api.Instances;

/// <summary>
/// Activity execution records derived from the persisted journal (there is no table of their own): the entries of one
/// activity instance id give <c>startedAt</c> (Started), <c>completedAt</c> and <c>status</c> (Completed/Faulted/Canceled),
/// and the instance's live bookmarks give <c>hasBookmarks</c>.
/// </summary>
internal static class ActivityExecutionRecords
{
    /// <summary>One record per activity instance, in start order.</summary>
    public static IReadOnlyList<ActivityExecutionRecordModel> Build(WorkflowState state, IReadOnlyList<JournalEntry> journal)
    {
        var waiting = state.Bookmarks.Select(b => b.ActivityInstanceId).ToHashSet(StringComparer.Ordinal);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        var records = new List<ActivityExecutionRecordModel>();
        foreach (var group in journal.GroupBy(e => e.ActivityInstanceId))
        {
            var entries = group.OrderBy(e => e.Sequence).ToList();
            var first = entries[0];
            var last = entries.LastOrDefault(e => e.EventName is "Completed" or "Faulted" or "Canceled");
            var status = last?.EventName switch
            {
                "Completed" => ActivityExecutionStatus.Completed,
                "Faulted" => ActivityExecutionStatus.Faulted,
                "Canceled" => ActivityExecutionStatus.Canceled,
                _ => ActivityExecutionStatus.Running,
            };
            var depth = first.ParentActivityInstanceId is { } parent && depths.TryGetValue(parent, out var d) ? d + 1 : 0;
            depths[group.Key] = depth;
            var faults = entries.Count(e => e.EventName == "Faulted");
            var exception = entries.LastOrDefault(e => e.EventName == "Faulted")?.Message;
            var parentEntry = first.ParentActivityInstanceId is { } p ? journal.FirstOrDefault(e => e.ActivityInstanceId == p) : null;
            records.Add(new ActivityExecutionRecordModel(
                IdOf(state.Id, group.Key), state.Id, first.ActivityId, first.ActivityNodeId, first.ActivityType, 1, first.ActivityName,
                Empty, Empty, Empty, Empty, Empty, exception is null ? null : new Dictionary<string, object?> { ["message"] = exception },
                first.Timestamp, waiting.Contains(group.Key), status, faults, status == ActivityExecutionStatus.Running ? null : last!.Timestamp,
                first.ParentActivityInstanceId is { } scheduler ? IdOf(state.Id, scheduler) : null, parentEntry?.ActivityId, null, depth));
        }

        return records;
    }

    /// <summary>
    /// Record ids are <c>{instanceId}:{activityInstanceId}</c>: activity instance ids are only unique within their
    /// workflow instance, and <c>by-id</c> must find the instance from the id alone.
    /// </summary>
    public static string IdOf(string instanceId, string activityInstanceId) => $"{instanceId}:{activityInstanceId}";

    /// <summary>Splits a record id into instance id and activity instance id.</summary>
    public static bool TryParse(string id, out string instanceId, out string activityInstanceId)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        (instanceId, activityInstanceId) = colon > 0 ? (id[..colon], id[(colon + 1)..]) : ("", "");
        return colon > 0 && colon < id.Length - 1;
    }

    /// <summary>The summary view of a record.</summary>
    public static ActivityExecutionSummaryModel Summarize(ActivityExecutionRecordModel r) => new(
        r.Id, r.WorkflowInstanceId, r.ActivityId, r.ActivityNodeId, r.ActivityType, r.ActivityTypeVersion, r.ActivityName, r.StartedAt,
        r.HasBookmarks, r.Status, r.AggregateFaultCount, r.CompletedAt, r.Metadata);

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
}

using System.Text.Json;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Activities.Composition;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>A live instance loaded (or created) by the runtime, with what was already persisted of it.</summary>
internal sealed class LoadedInstance(WorkflowExecutionContext workflow, Guid? stamp, int savedIncidents, HashSet<string> savedTimers)
{
    public WorkflowExecutionContext Workflow { get; } = workflow;
    public Guid? Stamp { get; set; } = stamp;
    public int SavedIncidents { get; set; } = savedIncidents;
    // Timer rows are written with the state, so the saved state's time bookmarks are exactly the instance's timer rows.
    public HashSet<string> SavedTimers { get; set; } = savedTimers;
    // The journal is not part of the state: a restored instance starts with an empty list, so everything in it is new.
    public long SavedJournalSequence { get; set; }
}

/// <summary>
/// Saves one burst in one transaction: state + bookmark rows (the instance store), timer rows for time bookmarks,
/// new incidents and new journal entries, and the rows of registered <see cref="IBurstParticipant"/>s (modules such as
/// human tasks). Either all of it is visible afterwards or none of it.
/// </summary>
internal sealed class BurstPersister(EfWorkflowInstanceStore instances, IReadOnlyList<IBurstParticipant> participants, Action? bookmarksSaved = null)
{
    private static readonly HashSet<string> TimeBookmarks = ["Elsa.Delay", "Elsa.Timer", "Elsa.StartAt", "Elsa.Cron"];
    private static readonly string[] ChildActivityTypes = ["Elsa.ExecuteWorkflow", "Elsa.DispatchWorkflow"];

    public async Task SaveAsync(LoadedInstance loaded, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var dispatched = new List<string>();
        var saved = new List<WorkflowExecutionContext>();
        var (write, state, timers, journal) = Prepare(loaded, dispatched, saved);
        loaded.Stamp = await instances.SaveAsync(write);
        foreach (var participant in participants)
        {
            foreach (var workflow in saved)
            {
                await participant.OnSavedAsync(workflow, cancellationToken);
            }
        }

        loaded.SavedIncidents = state.Incidents.Count;
        loaded.SavedTimers = [.. timers.Select(b => b.Id)];
        loaded.SavedJournalSequence = journal.Count > 0 ? journal[^1].Sequence : loaded.SavedJournalSequence;
        // Committed: dispatched children may run now, and a finished child may resume its waiting parent. Both happen
        // through the operation's outbox, after this instance's lock is released.
        dispatched.ForEach(RuntimeStimulusSender.QueueRun);
        NotifyParent(loaded.Workflow);
        if (saved.Exists(w => w.Bookmarks.Count > 0))
        {
            bookmarksSaved?.Invoke(); // a queued stimulus may be waiting for one of them (the instance's or a child's)
        }
    }

    /// <summary>The unit saving the burst of <paramref name="loaded"/>, with the child instances it started.</summary>
    private (InstanceWrite Write, WorkflowState State, List<Bookmark> Timers, List<JournalEntry> Journal) Prepare(
        LoadedInstance loaded, List<string> dispatched, List<WorkflowExecutionContext> saved)
    {
        var workflow = loaded.Workflow;
        saved.Add(workflow);
        var state = WorkflowStateMapper.ToState(workflow);
        var journal = workflow.Journal.Where(j => j.Sequence > loaded.SavedJournalSequence).ToList();
        var timers = TimeBookmarksOf(state).ToList();
        // Every row (and its JSON) is built here, on the caller's thread: the writer commits the saves of many
        // instances on one connection and must only move rows.
        var write = EfWorkflowInstanceStore.Prepare(state, loaded.Stamp);
        write.StaleTimerIds = [.. loaded.SavedTimers.Where(id => !timers.Exists(b => b.Id == id))];
        write.NewTimers = [.. timers.Where(b => !loaded.SavedTimers.Contains(b.Id)).Select(b => TimerRow(state, b))];
        write.NewIncidents = [.. state.Incidents.Skip(loaded.SavedIncidents).Select(i => EfWorkflowLogStore.IncidentRow(state.Id, i))];
        write.JournalSegment = journal.Count > 0 ? EfWorkflowLogStore.JournalSegmentWrite(state.Id, journal) : null;
        if (participants.Count > 0)
        {
            write.AlsoWrite = async (connection, transaction, ct) =>
            {
                var save = new BurstSave(workflow, state, connection, transaction);
                foreach (var participant in participants)
                {
                    await participant.OnSavingAsync(save, ct);
                }
            };
        }

        write.Children = ChildWrites(workflow, dispatched, saved);
        return (write, state, timers, journal);
    }

    /// <summary>
    /// New rows of the children this burst started: ExecuteWorkflow's (run inline, saved as they ended their first
    /// burst, with their own children) and DispatchWorkflow's start markers.
    /// </summary>
    private List<InstanceWrite> ChildWrites(WorkflowExecutionContext workflow, List<string> dispatched, List<WorkflowExecutionContext> saved)
    {
        var children = new List<InstanceWrite>();
        foreach (var child in workflow.InlineChildren)
        {
            children.Add(Prepare(new LoadedInstance(child, null, 0, []), dispatched, saved).Write);
        }

        workflow.InlineChildren.Clear();
        foreach (var marker in RuntimeWorkflowDispatcher.Drain(workflow))
        {
            children.Add(EfWorkflowInstanceStore.Prepare(marker, null));
            dispatched.Add(marker.Id);
        }

        return children;
    }

    /// <summary>
    /// A finished child resumes the parent's ExecuteWorkflow/DispatchWorkflow bookmark (name = that activity type,
    /// payload = the child's id) with its output, as Elsa's ResumeExecuteWorkflowActivity does. Only the parent's
    /// bookmark has that hash; a parent that did not wait has none, and the stimulus finds nothing.
    /// </summary>
    private static void NotifyParent(WorkflowExecutionContext workflow)
    {
        if (workflow.Status != WorkflowStatus.Finished || ParentOf(workflow.Properties) is null)
        {
            return;
        }

        var input = new Dictionary<string, object?> { ["WorkflowOutput"] = new Dictionary<string, object?>(workflow.Output) };
        foreach (var activityType in ChildActivityTypes)
        {
            RuntimeStimulusSender.Post(new Stimulus(activityType, new ChildInstancePayload(workflow.InstanceId), null, input));
        }
    }

    /// <summary>The parent instance id in an instance's properties (a string, or a JSON string once restored).</summary>
    internal static string? ParentOf(IDictionary<string, object?> properties) =>
        properties.TryGetValue(WorkflowRuntime.ParentInstanceIdProperty, out var value) ? value switch
        {
            string text => text,
            JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
            _ => null,
        } : null;

    /// <summary>The ids of the state's time bookmarks (= its timer rows' ids).</summary>
    internal static HashSet<string> TimerIds(WorkflowState state) =>
        [.. TimeBookmarksOf(state).Select(b => b.Id)];

    /// <summary>The timer rows of all time bookmarks of <paramref name="state"/> (an imported instance's).</summary>
    internal static List<TimerRecord> TimerRows(WorkflowState state) =>
        [.. TimeBookmarksOf(state).Select(b => TimerRow(state, b))];

    /// <summary>The state's time bookmarks (Delay, Timer, StartAt, Cron): each has a timer row.</summary>
    private static IEnumerable<Bookmark> TimeBookmarksOf(WorkflowState state) => state.Bookmarks.Where(b => TimeBookmarks.Contains(b.Name));

    /// <summary>The timer row of a time bookmark (row id = bookmark id).</summary>
    private static TimerRecord TimerRow(WorkflowState state, Bookmark bookmark) => new()
    {
        Id = bookmark.Id,
        InstanceId = state.Id,
        BookmarkId = bookmark.Id,
        ActivityId = bookmark.ActivityId,
        DueAt = DueAt(bookmark) ?? state.UpdatedAt.ToUniversalTime(),
    };

    /// <summary>ResumeAt (Delay/Timer) or ExecuteAt (StartAt/Cron); a restored payload is a JsonElement, a fresh one a record.</summary>
    internal static DateTimeOffset? DueAt(Bookmark bookmark) => DueAt(bookmark.Payload);

    internal static DateTimeOffset? DueAt(object? payload)
    {
        var json = payload as JsonElement? ?? JsonSerializer.SerializeToElement(payload);
        if (json.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in json.EnumerateObject())
        {
            if ((property.NameEquals("ResumeAt") || property.NameEquals("resumeAt") || property.NameEquals("ExecuteAt") || property.NameEquals("executeAt"))
                && property.Value.TryGetDateTimeOffset(out var due))
            {
                return due.ToUniversalTime();
            }
        }

        return null;
    }
}

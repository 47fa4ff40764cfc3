using System.Text.Json;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
internal sealed class BurstPersister(EfWorkflowInstanceStore instances, IReadOnlyList<IBurstParticipant> participants)
{
    private static readonly HashSet<string> TimeBookmarks = ["Elsa.Delay", "Elsa.Timer", "Elsa.StartAt", "Elsa.Cron"];

    public async Task SaveAsync(LoadedInstance loaded, CancellationToken cancellationToken)
    {
        var workflow = loaded.Workflow;
        var state = WorkflowStateMapper.ToState(workflow);
        var incidents = state.Incidents.Skip(loaded.SavedIncidents).Select(i => EfWorkflowLogStore.IncidentRow(state.Id, i)).ToList();
        var journal = workflow.Journal.Where(j => j.Sequence > loaded.SavedJournalSequence).ToList();
        // Rows are built (and their JSON serialized) here, on the caller's thread: the callback runs on the store's
        // writer, which commits the saves of many instances and must only move rows.
        var segment = journal.Count > 0 ? EfWorkflowLogStore.JournalSegment(state.Id, journal) : null;
        loaded.Stamp = await instances.SaveAsync(state, loaded.Stamp, async (db, ct) =>
        {
            await SyncTimersAsync(db, state, loaded.SavedTimers, ct);
            db.Incidents.AddRange(incidents);
            if (segment is not null)
            {
                db.Journal.Add(segment);
            }

            if (participants.Count > 0)
            {
                var save = new BurstSave(workflow, state, db.Database.GetDbConnection(),
                    db.Database.CurrentTransaction!.GetDbTransaction());
                foreach (var participant in participants)
                {
                    await participant.OnSavingAsync(save, ct);
                }
            }
        }, cancellationToken);
        foreach (var participant in participants)
        {
            await participant.OnSavedAsync(workflow, cancellationToken);
        }

        loaded.SavedIncidents = state.Incidents.Count;
        loaded.SavedTimers = TimerIds(state);
        loaded.SavedJournalSequence = journal.Count > 0 ? journal[^1].Sequence : loaded.SavedJournalSequence;
    }

    /// <summary>The ids of the state's time bookmarks (= its timer rows' ids).</summary>
    internal static HashSet<string> TimerIds(WorkflowState state) =>
        [.. state.Bookmarks.Where(b => TimeBookmarks.Contains(b.Name)).Select(b => b.Id)];

    /// <summary>One timer row per open time bookmark (row id = bookmark id); rows of gone bookmarks are deleted.</summary>
    private static async Task SyncTimersAsync(WorkflowsDbContext db, WorkflowState state, HashSet<string> existing, CancellationToken cancellationToken)
    {
        var wanted = state.Bookmarks.Where(b => TimeBookmarks.Contains(b.Name)).ToDictionary(b => b.Id);
        var stale = existing.Where(id => !wanted.ContainsKey(id)).ToList();
        if (stale.Count > 0)
        {
            await db.Timers.Where(t => stale.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        foreach (var bookmark in wanted.Values.Where(b => !existing.Contains(b.Id)))
        {
            db.Timers.Add(new TimerRecord
            {
                Id = bookmark.Id,
                InstanceId = state.Id,
                BookmarkId = bookmark.Id,
                ActivityId = bookmark.ActivityId,
                DueAt = DueAt(bookmark) ?? state.UpdatedAt.ToUniversalTime(),
            });
        }
    }

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

using LowCodeErp.HumanTasks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.HumanTasks.Engine;

/// <summary>
/// Keeps <see cref="TaskCandidateRecord"/> rows in step with the tasks: a task has one per candidate user and role
/// while it is unassigned and none otherwise. Every status change goes through here in the change's own transaction.
/// </summary>
internal static class CandidateProjection
{
    /// <summary>The rows <paramref name="task"/> should have, given its candidate links.</summary>
    public static IEnumerable<TaskCandidateRecord> RowsFor(HumanTaskRecord task, IEnumerable<TaskLinkRecord> links) =>
        task.Status != TaskStatuses.Unassigned
            ? []
            : links.Where(l => l.Kind is TaskLinkKinds.CandidateUser or TaskLinkKinds.CandidateRole)
                .DistinctBy(l => (l.Kind, l.Name))
                .Select(l => new TaskCandidateRecord
                {
                    TaskId = task.Id, Kind = l.Kind, Name = l.Name, DefinitionId = task.DefinitionId, Priority = task.Priority,
                    CreatedAt = task.CreatedAt, DueAt = task.DueAt, DueOrder = task.DueAt ?? TaskCandidateRecord.NoDueDate,
                });

    /// <summary>Brings a tracked task's rows up to date; saved with the context's next SaveChanges.</summary>
    public static async Task SyncAsync(HumanTasksDbContext db, HumanTaskRecord task, IEnumerable<TaskLinkRecord> links, CancellationToken cancellationToken)
    {
        var existing = await db.Candidates.Where(c => c.TaskId == task.Id).ToListAsync(cancellationToken);
        var wanted = RowsFor(task, links).ToList();
        db.Candidates.RemoveRange(existing.Where(e => !wanted.Exists(w => w.Kind == e.Kind && w.Name == e.Name)));
        db.Candidates.AddRange(wanted.Where(w => !existing.Exists(e => e.Kind == w.Kind && e.Name == w.Name)));
    }

    /// <summary>Removes the rows of tasks that left the unassigned state (runs at once, in the context's transaction).</summary>
    public static Task RemoveAsync(HumanTasksDbContext db, IReadOnlyCollection<string> taskIds, CancellationToken cancellationToken) =>
        db.Candidates.Where(c => taskIds.Contains(c.TaskId)).ExecuteDeleteAsync(cancellationToken);
}

using LowCodeErp.HumanTasks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.HumanTasks.Api;

/// <summary>The inbox's authorization rules for one task and one user.</summary>
internal sealed record TaskAccess(HumanTaskRecord Task, TaskUser User, IReadOnlyList<TaskLinkRecord> Links, bool Excluded, bool Candidate, bool DecidedInGroup)
{
    public static async Task<TaskAccess> ForAsync(HumanTasksDbContext db, HumanTaskRecord task, TaskUser user, CancellationToken cancellationToken)
    {
        var links = await db.Links.AsNoTracking().Where(l => l.TaskId == task.Id).ToListAsync(cancellationToken);
        var excluded = links.Any(l => l.Kind == TaskLinkKinds.Excluded && l.Name == user.Name);
        var candidate = links.Any(l => (l.Kind == TaskLinkKinds.CandidateUser && l.Name == user.Name)
                                       || (l.Kind == TaskLinkKinds.CandidateRole && user.Roles.Contains(l.Name)));
        // An approval counts each person once: whoever decided one of its tasks may not take another.
        var decided = task.GroupId is { } group && await db.Tasks.AnyAsync(
            t => t.GroupId == group && t.Id != task.Id && t.CompletedBy == user.Name, cancellationToken);
        return new TaskAccess(task, user, links, excluded, candidate, decided);
    }

    public bool IsOpen => TaskStatuses.Open.Contains(Task.Status);

    /// <summary>Holds the task: its assignee, or its owner while it is delegated.</summary>
    public bool Holds => Task.Assignee == User.Name || (Task.Status == TaskStatuses.Delegated && Task.Owner == User.Name);

    /// <summary>Why the user may never work on this task, if so.</summary>
    public string? Barred => Excluded ? "You are excluded from this task (4-eyes principle)."
        : DecidedInGroup ? "You already decided on another task of this approval; a second decision needs a different person."
        : null;

    public bool CanClaim => IsOpen && Task.Status == TaskStatuses.Unassigned && Candidate && Barred is null;
    public bool CanUnclaim => IsOpen && Task.Status == TaskStatuses.Assigned && Task.Assignee == User.Name;
    public bool CanDelegate => IsOpen && Task.Status == TaskStatuses.Assigned && Task.Assignee == User.Name && Barred is null;
    public bool CanComplete => IsOpen && Holds && Barred is null;

    /// <summary>Who may read the task: whoever may work on it or worked on it.</summary>
    public bool CanView => Candidate || Task.Assignee == User.Name || Task.Owner == User.Name || Task.CompletedBy == User.Name;
}

using LowCodeErp.HumanTasks.Persistence;

namespace LowCodeErp.HumanTasks.Api;

/// <summary>The inbox's views as queries over the task projection (indexed columns and link rows only).</summary>
internal static class TaskViews
{
    public const string Mine = "mine";
    public const string Candidate = "candidate";
    public const string Involved = "involved";
    public const string Completed = "completed";

    public static readonly string[] All = [Mine, Candidate, Involved, Completed];

    /// <summary>Open tasks the user works on or (delegated away) stays responsible for.</summary>
    public static IQueryable<HumanTaskRecord> MineOf(HumanTasksDbContext db, TaskUser user) =>
        db.Tasks.Where(t => (t.Assignee == user.Name || t.Owner == user.Name) && TaskStatuses.Open.Contains(t.Status));

    /// <summary>Unassigned tasks offered to the user or one of the user's roles, unless the user is excluded.</summary>
    public static IQueryable<HumanTaskRecord> CandidateOf(HumanTasksDbContext db, TaskUser user)
    {
        var roles = user.Roles.ToList();
        return db.Tasks.Where(t => t.Status == TaskStatuses.Unassigned
            && db.Links.Any(l => l.TaskId == t.Id && ((l.Kind == TaskLinkKinds.CandidateUser && l.Name == user.Name)
                                                      || (l.Kind == TaskLinkKinds.CandidateRole && roles.Contains(l.Name))))
            && !db.Links.Any(l => l.TaskId == t.Id && l.Kind == TaskLinkKinds.Excluded && l.Name == user.Name));
    }

    /// <summary>Tasks the user completed or owned.</summary>
    public static IQueryable<HumanTaskRecord> CompletedOf(HumanTasksDbContext db, TaskUser user) =>
        db.Tasks.Where(t => t.Status == TaskStatuses.Completed && (t.CompletedBy == user.Name || t.Owner == user.Name));

    /// <summary>Tasks the user holds or held, or acted on.</summary>
    public static IQueryable<HumanTaskRecord> InvolvedOf(HumanTasksDbContext db, TaskUser user) =>
        db.Tasks.Where(t => t.Assignee == user.Name || t.Owner == user.Name || t.CompletedBy == user.Name
                            || db.History.Any(h => h.TaskId == t.Id && h.UserName == user.Name));

    public static IQueryable<HumanTaskRecord> Of(HumanTasksDbContext db, TaskUser user, string view) => view switch
    {
        Candidate => CandidateOf(db, user),
        Involved => InvolvedOf(db, user),
        Completed => CompletedOf(db, user),
        _ => MineOf(db, user),
    };
}

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

    /// <summary>
    /// The candidate view's rows split by key (each of the user's roles, then the user): every branch is one range of
    /// the candidate indexes, already in any indexed sort order, so a sorted page needs only a page's worth of rows
    /// per branch. A branch skips tasks an earlier key already yields (a task offered to the user and to the user's
    /// role is listed once) and tasks the user is excluded from.
    /// </summary>
    public static List<IQueryable<TaskCandidateRecord>> CandidateBranchesOf(HumanTasksDbContext db, TaskUser user)
    {
        var keys = user.Roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(r => (Kind: TaskLinkKinds.CandidateRole, Name: r)).Append((Kind: TaskLinkKinds.CandidateUser, Name: user.Name)).ToList();
        var userName = user.Name;
        var branches = new List<IQueryable<TaskCandidateRecord>>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var (kind, name) = keys[i];
            var branch = db.Candidates.Where(c => c.Kind == kind && c.Name == name
                && !db.Links.Any(l => l.TaskId == c.TaskId && l.Kind == TaskLinkKinds.Excluded && l.Name == userName));
            var earlierRoles = keys.Take(i).Select(k => k.Name).ToList(); // the user's key comes last: earlier ones are roles
            if (earlierRoles.Count > 0)
            {
                branch = branch.Where(c => !db.Candidates.Any(e => e.TaskId == c.TaskId && e.Kind == TaskLinkKinds.CandidateRole && earlierRoles.Contains(e.Name)));
            }

            branches.Add(branch);
        }

        return branches;
    }

    /// <summary>All candidate rows of the view, one per task (for counting from the index alone).</summary>
    public static IQueryable<TaskCandidateRecord> CandidateRowsOf(HumanTasksDbContext db, TaskUser user) =>
        CandidateBranchesOf(db, user).Aggregate((all, branch) => all.Concat(branch));

    /// <summary>
    /// Unassigned tasks offered to the user or one of the user's roles, unless the user is excluded; as a condition
    /// per task (a primary-key probe of its candidate rows), for lists driven by a selective task filter.
    /// </summary>
    public static IQueryable<HumanTaskRecord> CandidateOf(HumanTasksDbContext db, TaskUser user)
    {
        var roles = user.Roles.ToList();
        var name = user.Name;
        return db.Tasks.Where(t => t.Status == TaskStatuses.Unassigned
            && db.Candidates.Any(c => c.TaskId == t.Id && ((c.Kind == TaskLinkKinds.CandidateUser && c.Name == name)
                                                           || (c.Kind == TaskLinkKinds.CandidateRole && roles.Contains(c.Name))))
            && !db.Links.Any(l => l.TaskId == t.Id && l.Kind == TaskLinkKinds.Excluded && l.Name == name));
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

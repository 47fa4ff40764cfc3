namespace LowCodeErp.HumanTasks.Live;

/// <summary>
/// A task changed (and the change is committed). <paramref name="Users"/> and <paramref name="Roles"/> name whose
/// inbox it concerns; both null means anyone's may (e.g. a completion ends sibling approval tasks too).
/// </summary>
public sealed record TaskChanged(string TaskId, string Change, IReadOnlyList<string>? Users, IReadOnlyList<string>? Roles)
{
    /// <summary>Whether the change may alter what <paramref name="userName"/> with <paramref name="roles"/> sees.</summary>
    public bool Concerns(string userName, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return (Users is null && Roles is null)
               || (Users?.Contains(userName, StringComparer.Ordinal) ?? false)
               || (Roles?.Any(roles.Contains) ?? false);
    }
}

/// <summary>The kinds of <see cref="TaskChanged.Change"/>, as in the task's history.</summary>
public static class TaskChangeKinds
{
    public const string Created = "Created";
    public const string Claimed = "Claimed";
    public const string Unclaimed = "Unclaimed";
    public const string Delegated = "Delegated";
    public const string Completed = "Completed";
    public const string Escalated = "Escalated";
    public const string Cancelled = "Cancelled";
}

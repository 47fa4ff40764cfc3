namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>
/// New workflow instance ids: the 32 lowercase hex digits Elsa uses, taken from a version-7 GUID whose leading 48 bits
/// are the creation time in milliseconds. A newer instance's id therefore sorts after an older one's, so every index
/// keyed by instance id (the instances' key, the journal's, bookmarks, timers) grows at its end: consecutive saves
/// share the same few index pages. With random ids every save dirtied one random page per such index, which the
/// database wrote, checkpointed and often had to read first; on SQLite that was the largest part of a save.
/// </summary>
public static class InstanceIds
{
    /// <summary>A new id for an instance created at <paramref name="now"/>.</summary>
    public static string New(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");
}

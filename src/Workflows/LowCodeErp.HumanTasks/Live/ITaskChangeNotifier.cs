namespace LowCodeErp.HumanTasks.Live;

/// <summary>
/// Told about every committed task change, so open inboxes can refresh. The task store calls it after its transaction
/// committed, never before: a listener that re-reads sees the change. Implementations must not throw and must not
/// block (they run on the engine's and the API's paths). In one process a host fans the changes out in memory; with
/// several replicas an implementation publishes them on the bus and every replica fans them out to its own listeners.
/// </summary>
public interface ITaskChangeNotifier
{
    /// <summary>Tells listeners about committed changes.</summary>
    void Notify(IReadOnlyList<TaskChanged> changes);
}

/// <summary>The default when no host listens: changes go nowhere.</summary>
internal sealed class NoTaskChangeNotifier : ITaskChangeNotifier
{
    public void Notify(IReadOnlyList<TaskChanged> changes)
    {
    }
}

using LowCodeErp.HumanTasks.Live;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Web.Live;

/// <summary>Where open pages subscribe to committed task changes.</summary>
public interface ITaskChangeFeed
{
    /// <summary>Calls <paramref name="listener"/> for every batch of changes until the returned handle is disposed.</summary>
    IDisposable Subscribe(Func<IReadOnlyList<TaskChanged>, Task> listener);
}

/// <summary>
/// One process: the task store's notifications go straight to the subscribed circuits. Listeners run off the
/// notifying thread (the engine's burst or the API call must not wait for page renders), and one failing listener
/// (a closed circuit) does not stop the others. With several replicas, a bus-backed notifier would publish each
/// batch and every replica's consumer would hand it to this feed (docs/web-inbox.md).
/// </summary>
public sealed class InProcessTaskChanges(ILogger<InProcessTaskChanges> logger) : ITaskChangeNotifier, ITaskChangeFeed
{
    private readonly Lock _gate = new();
    private Func<IReadOnlyList<TaskChanged>, Task>[] _listeners = [];

    /// <inheritdoc />
    public void Notify(IReadOnlyList<TaskChanged> changes)
    {
        Func<IReadOnlyList<TaskChanged>, Task>[] listeners;
        lock (_gate)
        {
            listeners = _listeners;
        }

        foreach (var listener in listeners)
        {
            _ = Task.Run(() => DeliverAsync(listener, changes));
        }
    }

    /// <inheritdoc />
    public IDisposable Subscribe(Func<IReadOnlyList<TaskChanged>, Task> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }

        return new Subscription(this, listener);
    }

    private async Task DeliverAsync(Func<IReadOnlyList<TaskChanged>, Task> listener, IReadOnlyList<TaskChanged> changes)
    {
        try
        {
            await listener(changes);
        }
#pragma warning disable CA1031 // a listener's failure (e.g. its circuit just closed) must not reach the other listeners
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogDebug(exception, "A task change listener failed.");
        }
    }

    private void Unsubscribe(Func<IReadOnlyList<TaskChanged>, Task> listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners.Where(l => l != listener)];
        }
    }

    private sealed class Subscription(InProcessTaskChanges owner, Func<IReadOnlyList<TaskChanged>, Task> listener) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(listener);
    }
}

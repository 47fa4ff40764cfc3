using LowCodeErp.HumanTasks.Api;
using LowCodeErp.HumanTasks.Live;

namespace LowCodeErp.Web.Live;

/// <summary>
/// A page's subscription to task changes: calls <paramref name="refresh"/> (on the page's renderer, via
/// <paramref name="dispatch"/>) when a change concerns the user or one of the tasks the page shows.
/// </summary>
public sealed class LiveTaskSubscription(ITaskChangeFeed feed, Func<Func<Task>, Task> dispatch) : IDisposable
{
    private IDisposable? _subscription;

    /// <summary>Starts listening for <paramref name="user"/>; <paramref name="shown"/> tells which task ids are on screen.</summary>
    public void Start(TaskUser user, Func<string, bool> shown, Func<IReadOnlyList<TaskChanged>, Task> refresh)
    {
        ArgumentNullException.ThrowIfNull(user);
        _subscription?.Dispose();
        _subscription = feed.Subscribe(changes =>
        {
            var relevant = changes.Where(c => shown(c.TaskId) || c.Concerns(user.Name, user.Roles)).ToList();
            return relevant.Count == 0 ? Task.CompletedTask : dispatch(() => refresh(relevant));
        });
    }

    public void Dispose() => _subscription?.Dispose();
}

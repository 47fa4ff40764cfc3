using FluentAssertions;
using LowCodeErp.HumanTasks.Api;
using LowCodeErp.HumanTasks.Live;
using LowCodeErp.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace LowCodeErp.Web.Tests;

/// <summary>The in-process feed hands committed changes to the pages they concern, and no longer after they close.</summary>
public sealed class LiveChangesTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public void Concerns_Should_MatchNamedUsersAndRoles_AndEveryoneWhenTheAudienceIsUnknown()
    {
        var created = new TaskChanged("t1", TaskChangeKinds.Created, ["sales"], ["underwriter"]);
        created.Concerns("sales", []).Should().BeTrue();
        created.Concerns("uma", ["underwriter"]).Should().BeTrue();
        created.Concerns("carl", ["committee"]).Should().BeFalse();
        new TaskChanged("t1", TaskChangeKinds.Completed, null, null).Concerns("carl", ["committee"]).Should().BeTrue();
    }

    [Fact]
    public async Task Feed_Should_DeliverToEverySubscriber_EvenWhenOneFails_AndStopAfterDispose()
    {
        var feed = new InProcessTaskChanges(NullLogger<InProcessTaskChanges>.Instance);
        var received = new List<string>();
        var first = new SemaphoreSlim(0);
        using var failing = feed.Subscribe(_ => throw new InvalidOperationException("circuit closed"));
        var healthy = feed.Subscribe(changes =>
        {
            lock (received)
            {
                received.AddRange(changes.Select(c => c.TaskId));
            }

            first.Release();
            return Task.CompletedTask;
        });

        feed.Notify([new TaskChanged("t1", TaskChangeKinds.Claimed, ["uma"], [])]);
        (await first.WaitAsync(Wait, TestContext.Current.CancellationToken)).Should().BeTrue();

        healthy.Dispose();
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var later = feed.Subscribe(_ =>
        {
            marker.TrySetResult();
            return Task.CompletedTask;
        });
        feed.Notify([new TaskChanged("t2", TaskChangeKinds.Completed, null, null)]);
        await marker.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);

        lock (received)
        {
            received.Should().Equal(["t1"], "the disposed subscriber gets nothing more");
        }
    }

    [Fact]
    public async Task Subscription_Should_RefreshForChangesToShownTasksOrTheUsersRoles_Only()
    {
        var feed = new SynchronousFeed();
        var refreshed = new List<string>();
        using var live = new LiveTaskSubscription(feed, work => work());
        live.Start(new TaskUser("carl", ["committee"]), id => id == "shown", changes =>
        {
            refreshed.AddRange(changes.Select(c => c.TaskId));
            return Task.CompletedTask;
        });

        await feed.NotifyAsync(new TaskChanged("other-role", TaskChangeKinds.Created, [], ["underwriter"]));
        await feed.NotifyAsync(new TaskChanged("shown", TaskChangeKinds.Claimed, ["uma"], ["underwriter"]));
        await feed.NotifyAsync(new TaskChanged("mine", TaskChangeKinds.Created, [], ["committee"]));
        await feed.NotifyAsync(new TaskChanged("anyone", TaskChangeKinds.Completed, null, null));
        live.Dispose();
        await feed.NotifyAsync(new TaskChanged("after-close", TaskChangeKinds.Completed, null, null));

        refreshed.Should().Equal("shown", "mine", "anyone");
    }

    /// <summary>Delivers on the caller's thread, so the order of deliveries is the test's.</summary>
    private sealed class SynchronousFeed : ITaskChangeFeed
    {
        private readonly List<Func<IReadOnlyList<TaskChanged>, Task>> _listeners = [];

        public IDisposable Subscribe(Func<IReadOnlyList<TaskChanged>, Task> listener)
        {
            _listeners.Add(listener);
            return new Unsubscribe(() => _listeners.Remove(listener));
        }

        public async Task NotifyAsync(TaskChanged change)
        {
            foreach (var listener in _listeners.ToList())
            {
                await listener([change]);
            }
        }

        private sealed class Unsubscribe(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}

using FluentAssertions;
using LowCodeErp.Workflows.Core.Activities.Events;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using static LowCodeErp.Workflows.Runtime.Tests.Infrastructure.RuntimeFlows;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>A stimulus that arrives before its bookmark waits for it (Elsa's bookmark queue); run per provider.</summary>
public abstract class BookmarkQueueTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_sent_before_the_instance_waits_for_it_should_resume_the_instance_once_it_does()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (id, eventName) = await PublishWaitingFlowAsync(host);

        var sent = await host.Runtime.SendStimulusAsync(Stimulus(eventName, input: 42), Ct);
        var started = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published), Ct);

        sent.Should().BeEmpty("nothing waited for the event when it arrived");
        started.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        (await Queue(host).DeliverWaitingAsync(Ct)).Should().Be(1);
        (await host.Instances.LoadAsync(started.InstanceId, Ct))!.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        (await QueuedAsync(host, eventName)).Should().Be(0, "a delivered stimulus leaves the queue");
        (await Queue(host).DeliverWaitingAsync(Ct)).Should().Be(0);
    }

    [Fact]
    public async Task Stimuli_that_wait_in_vain_should_not_hide_one_whose_bookmark_exists()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase(), configure: services =>
            services.AddSingleton(new BookmarkQueueOptions { BatchSize = 3 }));
        var (id, eventName) = await PublishWaitingFlowAsync(host);
        foreach (var n in Enumerable.Range(0, 5))
        {
            await host.Runtime.SendStimulusAsync(Stimulus($"nobody-waits-{n}-{id}"), Ct);
        }

        await host.Runtime.SendStimulusAsync(Stimulus(eventName), Ct);
        var started = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published), Ct);

        (await Queue(host).DeliverWaitingAsync(Ct)).Should().Be(1);
        (await host.Instances.LoadAsync(started.InstanceId, Ct))!.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task A_queued_stimulus_should_be_dropped_after_its_time_to_live_and_its_loss_logged()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero));
        var logs = new FakeLogCollector();
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase(), clock, services =>
            services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs))));
        var (id, eventName) = await PublishWaitingFlowAsync(host);
        await host.Runtime.SendStimulusAsync(Stimulus(eventName, correlationId: "order-expired"), Ct);
        (await Queue(host).DeliverWaitingAsync(Ct)).Should().Be(0);
        logs.GetSnapshot().Should().NotContain(r => r.Message.Contains(eventName, StringComparison.Ordinal), "nothing has expired yet");

        clock.Advance(new BookmarkQueueOptions().TimeToLive + TimeSpan.FromSeconds(1));
        var started = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published, CorrelationId: "order-expired"), Ct);

        (await Queue(host).DeliverWaitingAsync(Ct)).Should().Be(0);
        (await host.Instances.LoadAsync(started.InstanceId, Ct))!.State.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        (await QueuedAsync(host, eventName)).Should().Be(0, "expired stimuli are deleted");
        logs.GetSnapshot().Should().ContainSingle(r => r.Message.Contains(eventName, StringComparison.Ordinal))
            .Which.Should().Match<FakeLogRecord>(r => r.Level == LogLevel.Warning && r.Message.Contains("order-expired", StringComparison.Ordinal)
                && r.Message.Contains("expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_queued_stimulus_with_a_correlation_id_should_wait_for_an_instance_with_that_id()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (id, eventName) = await PublishWaitingFlowAsync(host);
        await host.Runtime.SendStimulusAsync(Stimulus(eventName, correlationId: "order-7"), Ct);

        var other = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published, "order-8"), Ct);
        (await Queue(host).DeliverWaitingAsync(Ct)).Should().Be(0);
        var mine = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published, "order-7"), Ct);
        (await Queue(host).DeliverWaitingAsync(Ct)).Should().Be(1);

        (await host.Instances.LoadAsync(other.InstanceId, Ct))!.State.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        (await host.Instances.LoadAsync(mine.InstanceId, Ct))!.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Two_nodes_matching_the_queue_at_once_should_deliver_a_stimulus_once()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (id, eventName) = await PublishWaitingFlowAsync(host);
        await host.Runtime.SendStimulusAsync(Stimulus(eventName), Ct);
        var started = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published), Ct);
        var otherNode = ActivatorUtilities.CreateInstance<BookmarkQueue>(host.Services);

        var delivered = await Task.WhenAll(Task.Run(() => Queue(host).DeliverWaitingAsync(Ct), Ct), Task.Run(() => otherNode.DeliverWaitingAsync(Ct), Ct));

        delivered.Sum().Should().Be(1);
        var journal = await host.Logs.ListJournalAsync(started.InstanceId, take: 1000, cancellationToken: Ct);
        journal.Count(j => j.ActivityId == "done" && j.EventName == "Completed").Should().Be(1);
    }

    [Fact]
    public async Task A_running_queue_should_deliver_as_soon_as_this_node_saves_the_bookmark_without_waiting_for_its_poll()
    {
        // The poll (1 h) and the time to live (1 h) are far beyond the 60 s the test waits: only a wake-up pass can deliver.
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase(), configure: services =>
            services.AddSingleton(new BookmarkQueueOptions { PollInterval = TimeSpan.FromHours(1), TimeToLive = TimeSpan.FromHours(1) }));
        var (warmUpId, warmUpEvent) = await PublishWaitingFlowAsync(host);
        var (id, eventName) = await PublishWaitingFlowAsync(host);
        await Queue(host).StartAsync(Ct);
        try
        {
            // The queue's first pass runs when it starts, not on the poll, and a slow one could still find a bookmark saved
            // after it began. A first delivery proves that pass is over: only then is the bookmark under test saved.
            await host.Runtime.SendStimulusAsync(Stimulus(warmUpEvent), Ct);
            var warmUp = await host.Runtime.StartAsync(new StartWorkflowRequest(warmUpId, VersionOptions.Published), Ct);
            (await SubStatusEventuallyAsync(host, warmUp.InstanceId, WorkflowSubStatus.Finished)).Should().Be(WorkflowSubStatus.Finished);

            (await host.Runtime.SendStimulusAsync(Stimulus(eventName), Ct)).Should().BeEmpty("nothing waits for the event yet");
            var started = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published), Ct);

            started.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
            (await SubStatusEventuallyAsync(host, started.InstanceId, WorkflowSubStatus.Finished)).Should().Be(WorkflowSubStatus.Finished);
        }
        finally
        {
            await Queue(host).StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Reloads the instance until it reaches <paramref name="wanted"/> or 60 s pass; returns the last sub-status.</summary>
    private static async Task<WorkflowSubStatus> SubStatusEventuallyAsync(RuntimeHost host, string instanceId, WorkflowSubStatus wanted)
    {
        var state = (await host.Instances.LoadAsync(instanceId, Ct))!.State.SubStatus;
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); state != wanted && waited.Elapsed < TimeSpan.FromSeconds(60);)
        {
            await Task.Delay(50, Ct);
            state = (await host.Instances.LoadAsync(instanceId, Ct))!.State.SubStatus;
        }

        return state;
    }

    [Fact]
    public async Task A_stimulus_that_found_its_bookmark_or_did_not_ask_to_wait_should_not_be_queued()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (id, eventName) = await PublishWaitingFlowAsync(host);
        await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published), Ct);

        (await host.Runtime.SendStimulusAsync(Stimulus(eventName), Ct)).Should().ContainSingle();
        // Not opted in (HTTP requests, for one, must not resume a guarded endpoint later).
        (await host.Runtime.SendStimulusAsync(new StimulusRequest("Elsa.Event", new EventPayload(eventName)), Ct)).Should().BeEmpty();

        (await QueuedAsync(host, eventName)).Should().Be(0);
    }

    [Fact]
    public async Task A_queued_stimulus_whose_bookmark_another_caller_resumed_first_should_wait_for_the_next_one()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (id, eventName) = await PublishWaitingFlowAsync(host);
        await host.Runtime.SendStimulusAsync(Stimulus(eventName), Ct);
        var first = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published), Ct);
        // The stimulus's match is taken away between the queue's lookup and its claim: another node resumed it.
        var gate = new BookmarkTakenFirst(host, first.Bookmarks.Single().Id);
        var queue = ActivatorUtilities.CreateInstance<BookmarkQueue>(host.Services, gate);

        (await queue.DeliverWaitingAsync(Ct)).Should().Be(0);
        (await QueuedAsync(host, eventName)).Should().Be(1, "the stimulus went back to the queue");
        var second = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published), Ct);
        (await queue.DeliverWaitingAsync(Ct)).Should().Be(1);
        (await host.Instances.LoadAsync(second.InstanceId, Ct))!.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Queued_input_should_reach_the_resumed_instance_as_plain_values()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (id, eventName) = await PublishWaitingFlowAsync(host);
        await host.Runtime.SendStimulusAsync(Stimulus(eventName, input: 42), Ct);
        await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published), Ct);
        var recorder = new ResumeRecorder(host);
        var queue = ActivatorUtilities.CreateInstance<BookmarkQueue>(host.Services, (IServiceProvider)recorder);

        (await queue.DeliverWaitingAsync(Ct)).Should().Be(1);

        var payload = recorder.Inputs.Should().ContainSingle().Subject!["Payload"];
        payload.Should().NotBeOfType<System.Text.Json.JsonElement>("immediate delivery passes plain values too");
        Convert.ToInt32(payload, System.Globalization.CultureInfo.InvariantCulture).Should().Be(42);
    }

    /// <summary>The host's services, with a runtime that records the input of every resume it passes on.</summary>
    private sealed class ResumeRecorder(RuntimeHost host) : IServiceProvider, IWorkflowRuntime
    {
        public List<IReadOnlyDictionary<string, object?>?> Inputs { get; } = [];

        public object? GetService(Type serviceType) => serviceType == typeof(IWorkflowRuntime) ? this : host.Services.GetService(serviceType);

        public Task<WorkflowRunResult> ResumeAsync(string bookmarkId, IReadOnlyDictionary<string, object?>? input = null, CancellationToken cancellationToken = default)
        {
            Inputs.Add(input);
            return host.Runtime.ResumeAsync(bookmarkId, input, cancellationToken);
        }

        public Task<WorkflowRunResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default) => host.Runtime.StartAsync(request, cancellationToken);

        public Task<IReadOnlyList<WorkflowRunResult>> SendStimulusAsync(StimulusRequest stimulus, CancellationToken cancellationToken = default) =>
            host.Runtime.SendStimulusAsync(stimulus, cancellationToken);

        public Task<WorkflowRunResult?> CancelAsync(string instanceId, CancellationToken cancellationToken = default) => host.Runtime.CancelAsync(instanceId, cancellationToken);

        public Task<WorkflowRunResult> RetryAsync(string instanceId, string? activityInstanceId = null, CancellationToken cancellationToken = default) =>
            host.Runtime.RetryAsync(instanceId, activityInstanceId, cancellationToken);
    }

    /// <summary>A bookmark store whose first lookup resumes the bookmark it returns (as a racing node would).</summary>
    private sealed class BookmarkTakenFirst(RuntimeHost host, string bookmarkId) : Stores.IBookmarkStore
    {
        private readonly Stores.IBookmarkStore _inner = host.Services.GetRequiredService<Stores.IBookmarkStore>();
        private bool _taken;

        public async Task<IReadOnlyList<Stores.StoredBookmark>> FindByHashAsync(string hash, string? correlationId = null, CancellationToken cancellationToken = default)
        {
            var found = await _inner.FindByHashAsync(hash, correlationId, cancellationToken);
            if (!_taken && found.Any(b => b.Id == bookmarkId))
            {
                _taken = true;
                await host.Runtime.ResumeAsync(bookmarkId, cancellationToken: cancellationToken);
            }

            return found;
        }

        public Task<Stores.StoredBookmark?> FindByIdAsync(string id, CancellationToken cancellationToken = default) => _inner.FindByIdAsync(id, cancellationToken);

        public Task<IReadOnlyList<Stores.StoredBookmark>> FindByInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
            _inner.FindByInstanceAsync(instanceId, cancellationToken);
    }

    private static StimulusRequest Stimulus(string eventName, string? correlationId = null, int? input = null) =>
        new("Elsa.Event", new EventPayload(eventName), correlationId, input is null ? null : new Dictionary<string, object?> { ["Payload"] = input },
            QueueIfUnmatched: true);

    private static BookmarkQueue Queue(RuntimeHost host) => host.Services.GetRequiredService<BookmarkQueue>();

    // Counted by the stimulus's hash: on PostgreSQL the tests of a class share one database.
    private static async Task<int> QueuedAsync(RuntimeHost host, string eventName)
    {
        var hash = BookmarkHasher.Hash("Elsa.Event", new EventPayload(eventName));
        await using var db = host.Contexts.CreateDbContext();
        return await db.BookmarkQueue.CountAsync(q => q.Hash == hash, Ct);
    }

    private static async Task<(string Id, string EventName)> PublishWaitingFlowAsync(RuntimeHost host)
    {
        var id = Flows.NewId("queue");
        var eventName = "paid-" + id;
        await Flows.PublishAsync(host, Chart(id, Start(), Event("wait", eventName), WriteLine("done", "done")));
        return (id, eventName);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteBookmarkQueueTests(SqliteTestDatabase database) : BookmarkQueueTests(database), IClassFixture<SqliteTestDatabase>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresBookmarkQueueTests(PostgresTestDatabase database) : BookmarkQueueTests(database), IClassFixture<PostgresTestDatabase>;

/// <summary>A queue that cannot be written (SQLite only: each test drops the table of its own database).</summary>
public sealed class BookmarkQueueFailureTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_queue_that_cannot_be_written_should_not_stop_the_events_a_workflow_publishes_after_the_unmatched_one()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var receiverId = Flows.NewId("receiver");
        var senderId = Flows.NewId("sender");
        await Flows.PublishAsync(host, Chart(receiverId, Start(), Event("wait", "heard-" + receiverId), WriteLine("done", "done")));
        await Flows.PublishAsync(host, Chart(senderId, Start(), PublishEvent("nobody", "unheard-" + senderId), PublishEvent("somebody", "heard-" + receiverId)));
        var receiver = await host.Runtime.StartAsync(new StartWorkflowRequest(receiverId, VersionOptions.Published), Ct);
        await using (var db = host.Contexts.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"WorkflowBookmarkQueue\"", Ct);
        }

        var sender = await host.Runtime.StartAsync(new StartWorkflowRequest(senderId, VersionOptions.Published), Ct);

        sender.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        (await host.Instances.LoadAsync(receiver.InstanceId, Ct))!.State.SubStatus.Should().Be(WorkflowSubStatus.Finished,
            "the event published after the one that could not be queued is still delivered");
        (await host.Runtime.SendStimulusAsync(new StimulusRequest("Elsa.Event", new EventPayload("unheard"), QueueIfUnmatched: true), Ct)).Should().BeEmpty();
    }
}

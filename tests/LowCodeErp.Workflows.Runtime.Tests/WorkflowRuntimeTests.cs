using FluentAssertions;
using LowCodeErp.Workflows.Core.Activities.Events;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using LowCodeErp.Workflows.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static LowCodeErp.Workflows.Runtime.Tests.Infrastructure.RuntimeFlows;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>The durable runtime's operations end to end on a real database; run per provider by the subclasses.</summary>
public abstract class WorkflowRuntimeTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Instance_suspended_on_an_event_should_finish_when_resumed_after_a_restart()
    {
        var options = database.NewDatabase();
        var id = Flows.NewId("restart");
        WorkflowRunResult started;
        await using (var first = await RuntimeHost.StartAsync(options))
        {
            await Flows.PublishAsync(first, Chart(id, Start(), Event("wait", "Go"), WriteLine("done", "done")));
            started = await first.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published, "order-1"), Ct);
        }

        started.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        await using var second = await RuntimeHost.StartAsync(options);
        var resumed = await second.Runtime.ResumeAsync(started.Bookmarks.Should().ContainSingle().Subject.Id, cancellationToken: Ct);

        resumed.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        (await second.Instances.LoadAsync(started.InstanceId, Ct))!.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        var journal = await second.Logs.ListJournalAsync(started.InstanceId, take: 1000, cancellationToken: Ct);
        journal.Should().Contain(j => j.ActivityId == "done" && j.EventName == "Completed");
        journal.Select(j => j.Sequence).Should().OnlyHaveUniqueItems("each burst appends only its own entries");
    }

    [Fact]
    public async Task Twenty_concurrent_resumes_of_one_bookmark_should_run_it_exactly_once()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("race");
        await Flows.PublishAsync(host, Chart(id, Start(), Event("wait", "Go"), WriteLine("done", "done")));
        var started = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published), Ct);
        var bookmarkId = started.Bookmarks[0].Id;

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            try
            {
                await host.Runtime.ResumeAsync(bookmarkId, cancellationToken: Ct);
                return true;
            }
            catch (BookmarkNotFoundException)
            {
                return false;
            }
        }, Ct)));

        attempts.Count(ok => ok).Should().Be(1);
        var journal = await host.Logs.ListJournalAsync(started.InstanceId, take: 1000, cancellationToken: Ct);
        journal.Count(j => j.ActivityId == "done" && j.EventName == "Completed").Should().Be(1);
    }

    [Fact]
    public async Task Delay_should_survive_a_restart_and_fire_exactly_once_with_two_timer_services_racing()
    {
        var options = database.NewDatabase();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
        var id = Flows.NewId("delay");
        string instanceId;
        await using (var first = await RuntimeHost.StartAsync(options, clock))
        {
            await Flows.PublishAsync(first, Chart(id, Start(), Delay("wait", "01:00:00"), WriteLine("done", "done")));
            instanceId = (await first.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published), Ct)).InstanceId;
            (await first.Timers.FireDueTimersAsync(Ct)).Should().Be(0, "the delay is not due yet");
        }

        await using var second = await RuntimeHost.StartAsync(options, clock);
        var otherNode = ActivatorUtilities.CreateInstance<TimerService>(second.Services);
        clock.Advance(TimeSpan.FromMinutes(61));
        var fired = await Task.WhenAll(Task.Run(() => second.Timers.FireDueTimersAsync(Ct), Ct), Task.Run(() => otherNode.FireDueTimersAsync(Ct), Ct));

        fired.Sum().Should().Be(1);
        (await second.Instances.LoadAsync(instanceId, Ct))!.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        (await second.Timers.FireDueTimersAsync(Ct)).Should().Be(0);
        await using var db = second.Contexts.CreateDbContext();
        (await db.Timers.CountAsync(t => t.InstanceId == instanceId, Ct)).Should().Be(0);
        (await second.Logs.ListJournalAsync(instanceId, take: 1000, cancellationToken: Ct)).Count(j => j.ActivityId == "done" && j.EventName == "Completed").Should().Be(1);
    }

    [Fact]
    public async Task Published_event_trigger_should_start_an_instance_and_stop_after_retract()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("trigger");
        var eventName = "placed-" + id;
        await Flows.PublishAsync(host, Chart(id, Event("placed", eventName, trigger: true), WriteLine("done", "done")));

        var results = await host.Runtime.SendStimulusAsync(new StimulusRequest("Elsa.Event", new EventPayload(eventName),
            Input: new Dictionary<string, object?> { ["Payload"] = 42 }), Ct);

        var started = results.Should().ContainSingle().Subject;
        started.DefinitionId.Should().Be(id);
        started.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        await host.Definitions.RetractAsync(id, Ct);
        (await host.Runtime.SendStimulusAsync(new StimulusRequest("Elsa.Event", new EventPayload(eventName)), Ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task PublishEvent_of_one_instance_should_resume_another()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var receiverId = Flows.NewId("receiver");
        var senderId = Flows.NewId("sender");
        var eventName = "ping-" + receiverId;
        await Flows.PublishAsync(host, Chart(receiverId, Start(), Event("wait", eventName), WriteLine("done", "done")));
        await Flows.PublishAsync(host, Chart(senderId, Start(), PublishEvent("publish", eventName)));
        var receiver = await host.Runtime.StartAsync(new StartWorkflowRequest(receiverId, VersionOptions.Published), Ct);

        var sender = await host.Runtime.StartAsync(new StartWorkflowRequest(senderId, VersionOptions.Published), Ct);

        sender.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        (await host.Instances.LoadAsync(receiver.InstanceId, Ct))!.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Cancel_should_finish_the_instance_and_drop_its_bookmarks()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("cancel");
        await Flows.PublishAsync(host, Chart(id, Start(), Event("wait", "Go"), WriteLine("done", "done")));
        var started = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published), Ct);

        var cancelled = await host.Runtime.CancelAsync(started.InstanceId, Ct);

        cancelled!.SubStatus.Should().Be(WorkflowSubStatus.Cancelled);
        (await host.Bookmarks.FindByInstanceAsync(started.InstanceId, Ct)).Should().BeEmpty();
        (await host.Runtime.CancelAsync("no-such-instance", Ct)).Should().BeNull();
        var resume = () => host.Runtime.ResumeAsync(started.Bookmarks[0].Id, cancellationToken: Ct);
        await resume.Should().ThrowAsync<BookmarkNotFoundException>();
    }

    [Fact]
    public async Task Retry_should_rerun_the_faulted_activity_once_the_cause_is_fixed()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("retry");
        await Flows.PublishAsync(host, Chart(id, Start(), FailUnlessOk("check"), WriteLine("done", "done")));
        var faulted = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published), Ct);
        faulted.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        faulted.Incidents.Should().ContainSingle().Which.ActivityId.Should().Be("check");
        (await host.Logs.ListIncidentsAsync(faulted.InstanceId, Ct)).Should().ContainSingle();

        // The operator corrects the instance's input, then retries the incident.
        var stored = (await host.Instances.LoadAsync(faulted.InstanceId, Ct))!;
        stored.State.Input["Ok"] = true;
        await host.Instances.SaveAsync(stored.State, stored.ConcurrencyStamp, Ct);
        var retried = await host.Runtime.RetryAsync(faulted.InstanceId, cancellationToken: Ct);

        retried.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        var journal = await host.Logs.ListJournalAsync(faulted.InstanceId, take: 1000, cancellationToken: Ct);
        journal.Should().Contain(j => j.ActivityId == "check" && j.EventName == "Completed");
        journal.Should().Contain(j => j.ActivityId == "done" && j.EventName == "Completed");
    }

    [Fact]
    public async Task Instance_left_executing_by_a_crash_should_be_recovered_on_start_up()
    {
        var options = database.NewDatabase();
        var id = Flows.NewId("recover");
        var instanceId = Flows.NewId("instance");
        await using (var crashed = await RuntimeHost.StartAsync(options))
        {
            var definition = await Flows.PublishAsync(crashed, Chart(id, Start(), Event("wait", "Go"), WriteLine("done", "done")));
            // What StartAsync with a pre-chosen id writes before its first burst; the process "dies" right after.
            await crashed.Instances.SaveAsync(new WorkflowState
            {
                Id = instanceId, DefinitionId = id, DefinitionVersionId = definition.Id, DefinitionVersion = definition.Version,
                SubStatus = WorkflowSubStatus.Executing, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            }, null, Ct);
        }

        await using var restarted = await RuntimeHost.StartAsync(options);
        (await restarted.Recovery.RecoverAllAsync(Ct)).Should().Be(1);

        var state = (await restarted.Instances.LoadAsync(instanceId, Ct))!.State;
        state.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        var bookmark = (await restarted.Bookmarks.FindByInstanceAsync(instanceId, Ct)).Should().ContainSingle().Subject;
        (await restarted.Runtime.ResumeAsync(bookmark.Id, cancellationToken: Ct)).SubStatus.Should().Be(WorkflowSubStatus.Finished);
        (await restarted.Recovery.RecoverAllAsync(Ct)).Should().Be(0);
    }

    [Fact]
    public async Task Timer_trigger_should_start_an_instance_when_due_and_rearm()
    {
        // A year after the Delay test's clock: tests of a class share the PostgreSQL database, and this test's re-armed
        // trigger timer must not be due for that test's timer services.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 1, 8, 0, 0, TimeSpan.Zero));
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase(), clock);
        var id = Flows.NewId("timer");
        var definition = await Flows.PublishAsync(host, Chart(id, Timer("tick", "00:10:00"), WriteLine("done", "done")));

        clock.Advance(TimeSpan.FromMinutes(11));
        (await host.Timers.FireDueTimersAsync(Ct)).Should().Be(1);

        (await host.Instances.ListAsync(new InstanceQuery(DefinitionId: id), Ct)).Items.Should().ContainSingle()
            .Which.Status.Should().Be(WorkflowStatus.Finished);
        await using var db = host.Contexts.CreateDbContext();
        var timer = await db.Timers.AsNoTracking().SingleAsync(t => t.DefinitionVersionId == definition.Id, Ct);
        timer.DueAt.Should().Be(clock.GetUtcNow() + TimeSpan.FromMinutes(10));
        timer.ClaimedBy.Should().BeNull();
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteWorkflowRuntimeTests(SqliteTestDatabase database) : WorkflowRuntimeTests(database), IClassFixture<SqliteTestDatabase>;

/// <summary>On PostgreSQL (advisory locks).</summary>
public sealed class PostgresWorkflowRuntimeTests(PostgresTestDatabase database) : WorkflowRuntimeTests(database), IClassFixture<PostgresTestDatabase>;

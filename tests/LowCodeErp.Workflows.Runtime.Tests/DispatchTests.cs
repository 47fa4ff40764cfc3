using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Dispatch;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>Start, resume and event delivery in the background over a real MassTransit bus (in-memory transport).</summary>
public abstract class DispatchTests(TestDatabase database)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dispatched_start_should_answer_with_a_durable_id_and_then_run_in_the_background()
    {
        await using var host = await StartWithBusAsync();
        var definitionId = await PublishAsync(host);

        var instanceId = await host.Services.GetRequiredService<IBackgroundWorkflowDispatcher>().DispatchStartAsync(Start(definitionId, "dispatch-1"), Ct);

        (await host.Instances.LoadAsync(instanceId, Ct)).Should().NotBeNull("the start marker is saved before the id is handed out");
        (await WaitForAsync(host, instanceId, WorkflowSubStatus.Suspended)).Should().Be(WorkflowSubStatus.Suspended);
    }

    [Fact]
    public async Task Dispatched_resume_and_event_should_finish_waiting_instances()
    {
        await using var host = await StartWithBusAsync();
        var definitionId = await PublishAsync(host);
        var byBookmark = await host.Runtime.StartAsync(Start(definitionId, "by-bookmark"), Ct);
        var byEvent = await host.Runtime.StartAsync(Start(definitionId, "by-event"), Ct);
        var dispatcher = host.Services.GetRequiredService<IBackgroundWorkflowDispatcher>();

        await dispatcher.DispatchResumeAsync(byBookmark.Bookmarks.Single().Id, new Dictionary<string, object?> { ["note"] = "hi" }, Ct);
        await dispatcher.DispatchEventAsync("Go", "by-event", cancellationToken: Ct);

        (await WaitForAsync(host, byBookmark.InstanceId, WorkflowSubStatus.Finished)).Should().Be(WorkflowSubStatus.Finished);
        (await WaitForAsync(host, byEvent.InstanceId, WorkflowSubStatus.Finished)).Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Start_marker_whose_command_was_lost_should_run_once_on_recovery_and_not_again_when_the_command_arrives()
    {
        var options = database.NewDatabase();
        string instanceId;
        string definitionId;
        await using (var crashed = await RuntimeHost.StartAsync(options))
        {
            definitionId = await PublishAsync(crashed);
            // The process dies between saving the marker and publishing the command (or the in-memory queue is lost).
            instanceId = await crashed.Services.GetRequiredService<WorkflowRuntime>().PrepareStartAsync(Start(definitionId, "lost"), Ct);
        }

        await using var restarted = await RuntimeHost.StartAsync(options);
        // At least ours: on PostgreSQL the class shares one database, where another test's marker may be waiting too.
        (await restarted.Recovery.RecoverAllAsync(Ct)).Should().BeGreaterThanOrEqualTo(1);
        var late = await restarted.Services.GetRequiredService<WorkflowRuntime>().RunPendingAsync(instanceId, Ct);

        late.Should().BeFalse("the instance ran already");
        var state = (await restarted.Instances.LoadAsync(instanceId, Ct))!.State;
        state.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        state.Bookmarks.Should().ContainSingle("one run, one bookmark");
    }

    [Fact]
    public async Task Dispatching_an_existing_instance_id_or_an_unknown_definition_should_be_refused()
    {
        await using var host = await StartWithBusAsync();
        var definitionId = await PublishAsync(host);
        var dispatcher = host.Services.GetRequiredService<IBackgroundWorkflowDispatcher>();
        var id = await dispatcher.DispatchStartAsync(Start(definitionId, "twice"), Ct);

        await FluentActions.Awaiting(() => dispatcher.DispatchStartAsync(Start(definitionId, "twice") with { InstanceId = id }, Ct))
            .Should().ThrowAsync<ConcurrencyConflictException>();
        await FluentActions.Awaiting(() => dispatcher.DispatchStartAsync(Start("no-such-definition", null), Ct))
            .Should().ThrowAsync<WorkflowDefinitionNotFoundException>();
    }

    private async Task<RuntimeHost> StartWithBusAsync()
    {
        var host = await RuntimeHost.StartAsync(database.NewDatabase(), configure: services =>
        {
            services.AddMassTransit(bus =>
            {
                bus.AddWorkflowDispatchConsumers();
                bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
            });
            services.AddBackgroundWorkflowDispatcher();
        });
        await host.Services.GetRequiredService<IBusControl>().StartAsync(Ct);
        return host;
    }

    private static StartWorkflowRequest Start(string definitionId, string? correlationId) => new(definitionId, VersionOptions.Published, correlationId);

    private static async Task<WorkflowSubStatus?> WaitForAsync(RuntimeHost host, string instanceId, WorkflowSubStatus wanted)
    {
        var until = DateTime.UtcNow + Patience;
        WorkflowSubStatus? last = null;
        while (DateTime.UtcNow < until)
        {
            last = (await host.Instances.LoadAsync(instanceId, Ct))?.State.SubStatus;
            if (last == wanted)
            {
                return last;
            }

            await Task.Delay(50, Ct);
        }

        return last;
    }

    private static async Task<string> PublishAsync(RuntimeHost host)
    {
        var definitionId = Flows.NewId("dispatch");
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(definitionId)), Ct);
        await host.Definitions.PublishAsync(definitionId, Ct);
        return definitionId;
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteDispatchTests(SqliteTestDatabase database) : DispatchTests(database), IClassFixture<SqliteTestDatabase>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresDispatchTests(PostgresTestDatabase database) : DispatchTests(database), IClassFixture<PostgresTestDatabase>;

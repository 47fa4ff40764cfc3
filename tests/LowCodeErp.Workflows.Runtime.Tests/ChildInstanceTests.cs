using FluentAssertions;
using LowCodeErp.Workflows.Core.Activities.Events;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Dispatch;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using LowCodeErp.Workflows.Runtime.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>
/// ExecuteWorkflow and DispatchWorkflow children are persisted instances that name their parent; a parent waiting for
/// its child (WaitForCompletion) is suspended on a bookmark that the child's completion resumes with its output.
/// </summary>
public abstract class ChildInstanceTests(TestDatabase database)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Executed_child_that_waits_should_be_persisted_and_resume_its_waiting_parent_with_its_output_when_it_finishes()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (parentId, childId, eventName) = await PublishAsync(host, "Elsa.ExecuteWorkflow", childWaits: true);

        var parent = await host.Runtime.StartAsync(new StartWorkflowRequest(parentId, VersionOptions.Published), Ct);

        parent.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        parent.Bookmarks.Should().ContainSingle(b => b.Name == "Elsa.ExecuteWorkflow");
        var child = await SingleChildAsync(host, childId);
        child.State.SubStatus.Should().Be(WorkflowSubStatus.Suspended, "the child waits for its event, stored as an instance of its own");
        child.State.Properties["ParentInstanceId"]?.ToString().Should().Be(parent.InstanceId);

        await host.Runtime.SendStimulusAsync(new StimulusRequest("Elsa.Event", new EventPayload(eventName)), Ct);

        var finished = await WaitForAsync(host, parent.InstanceId, WorkflowSubStatus.Finished);
        finished.Output["FromChild"]?.ToString().Should().Be("child says hi");
        (await host.Instances.LoadAsync(child.State.Id, Ct))!.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Executed_child_that_finishes_at_once_should_be_stored_finished_with_its_parent()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (parentId, childId, _) = await PublishAsync(host, "Elsa.ExecuteWorkflow", childWaits: false);

        var parent = await host.Runtime.StartAsync(new StartWorkflowRequest(parentId, VersionOptions.Published), Ct);

        parent.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        parent.Output["FromChild"]?.ToString().Should().Be("child says hi");
        var child = await SingleChildAsync(host, childId);
        child.State.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        child.State.Properties["ParentInstanceId"]?.ToString().Should().Be(parent.InstanceId);
        (await host.Logs.ListJournalAsync(child.State.Id, cancellationToken: Ct)).Should().NotBeEmpty("the child's burst is saved like any other");
    }

    [Fact]
    public async Task Dispatched_child_should_run_through_the_background_dispatcher_and_resume_its_waiting_parent()
    {
        await using var host = await StartWithBusAsync();
        var (parentId, childId, eventName) = await PublishAsync(host, "Elsa.DispatchWorkflow", childWaits: true);

        var parent = await host.Runtime.StartAsync(new StartWorkflowRequest(parentId, VersionOptions.Published), Ct);

        parent.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        parent.Bookmarks.Should().ContainSingle(b => b.Name == "Elsa.DispatchWorkflow");
        var child = await SingleChildAsync(host, childId);
        (await WaitForAsync(host, child.State.Id, WorkflowSubStatus.Suspended)).Properties["ParentInstanceId"]?.ToString().Should().Be(parent.InstanceId);

        await host.Services.GetRequiredService<IBackgroundWorkflowDispatcher>().DispatchEventAsync(eventName, cancellationToken: Ct);

        (await WaitForAsync(host, parent.InstanceId, WorkflowSubStatus.Finished)).Output["FromChild"]?.ToString().Should().Be("child says hi");
    }

    [Fact]
    public async Task Dispatched_child_without_a_bus_should_run_after_the_parents_save_and_a_parent_that_does_not_wait_should_go_on()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (parentId, childId, _) = await PublishAsync(host, "Elsa.DispatchWorkflow", childWaits: false, parentWaits: false);

        var parent = await host.Runtime.StartAsync(new StartWorkflowRequest(parentId, VersionOptions.Published), Ct);

        parent.SubStatus.Should().Be(WorkflowSubStatus.Finished, "it did not wait");
        var child = await SingleChildAsync(host, childId);
        (await WaitForAsync(host, child.State.Id, WorkflowSubStatus.Finished)).Properties["ParentInstanceId"]?.ToString().Should().Be(parent.InstanceId);
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

    private static async Task<StoredInstance> SingleChildAsync(RuntimeHost host, string childDefinitionId)
    {
        var children = await host.Instances.ListAsync(new InstanceQuery(childDefinitionId), Ct);
        children.Items.Should().ContainSingle();
        return (await host.Instances.LoadAsync(children.Items[0].Id, Ct))!;
    }

    private static async Task<WorkflowState> WaitForAsync(RuntimeHost host, string instanceId, WorkflowSubStatus wanted)
    {
        var until = DateTime.UtcNow + Patience;
        WorkflowState? last = null;
        while (DateTime.UtcNow < until)
        {
            last = (await host.Instances.LoadAsync(instanceId, Ct))?.State;
            if (last?.SubStatus == wanted)
            {
                return last;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException($"Instance {instanceId} is {last?.SubStatus.ToString() ?? "missing"}, expected {wanted}.");
    }

    /// <summary>A child (optionally waiting for an event, then setting output Result) and a parent starting it with <paramref name="activityType"/>.</summary>
    private static async Task<(string ParentId, string ChildId, string EventName)> PublishAsync(RuntimeHost host, string activityType, bool childWaits, bool parentWaits = true)
    {
        var childId = Flows.NewId("child");
        var parentId = Flows.NewId("parent");
        var eventName = "go-" + childId;
        string[] childActivities =
        [
            RuntimeFlows.Start(),
            .. childWaits ? [RuntimeFlows.Event("wait", eventName)] : Array.Empty<string>(),
            """{ "id": "out", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Result" } }, "outputValue": { "typeName": "Object", "expression": { "type": "Literal", "value": "child says hi" } } }""",
        ];
        await host.Definitions.SaveDraftAsync(Flows.Read(host, RuntimeFlows.Chart(childId, childActivities)), Ct);
        await host.Definitions.PublishAsync(childId, Ct);
        var parentJson = $$"""
            {
              "id": "{{parentId}}-v", "definitionId": "{{parentId}}", "name": "parent", "version": 1,
              "variables": [ { "id": "ChildResult", "name": "ChildResult", "typeName": "Object" } ],
              "root": { "id": "fc", "type": "Elsa.Flowchart", "activities": [
                { "id": "start", "type": "Elsa.Start" },
                { "id": "call", "type": "{{activityType}}",
                  "workflowDefinitionId": { "typeName": "String", "expression": { "type": "Literal", "value": "{{childId}}" } },
                  "waitForCompletion": { "typeName": "Boolean", "expression": { "type": "Literal", "value": {{(parentWaits ? "true" : "false")}} } },
                  "result": { "typeName": "Object", "memoryReference": { "id": "ChildResult" } } },
                { "id": "keep", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "FromChild" } },
                  "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getChildResult().output ? getChildResult().output.Result : null" } } }
              ],
              "connections": [
                { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "call", "port": "In" } },
                { "source": { "activity": "call", "port": "Done" }, "target": { "activity": "keep", "port": "In" } }
              ] }
            }
            """;
        await host.Definitions.SaveDraftAsync(Flows.Read(host, parentJson), Ct);
        await host.Definitions.PublishAsync(parentId, Ct);
        return (parentId, childId, eventName);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteChildInstanceTests(SqliteTestDatabase database) : ChildInstanceTests(database), IClassFixture<SqliteTestDatabase>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresChildInstanceTests(PostgresTestDatabase database) : ChildInstanceTests(database), IClassFixture<PostgresTestDatabase>;

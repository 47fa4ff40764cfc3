using FluentAssertions;
using LowCodeErp.Workflows.Core.Activities.Events;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>Instances, bookmarks, incidents and journal through the stores; run per provider by the subclasses.</summary>
public abstract class InstanceStoreTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Suspended_instance_should_resume_and_finish_after_a_restart()
    {
        var options = database.NewDatabase();
        string instanceId;
        await using (var first = await RuntimeHost.StartAsync(options))
        {
            var definition = await PublishAsync(first, Flows.NewId("restart"));
            var workflow = await first.Runner.RunAsync(definition, new RunOptions { CorrelationId = "order-1", StandardOutput = TextWriter.Null }, Ct);
            workflow.Status.Should().Be(WorkflowStatus.Running);
            await first.Instances.SaveAsync(WorkflowStateMapper.ToState(workflow), null, Ct);
            instanceId = workflow.InstanceId;
        }

        await using var second = await RuntimeHost.StartAsync(options);
        var stored = (await second.Instances.LoadAsync(instanceId, Ct))!;
        var bookmark = (await second.Bookmarks.FindByHashAsync(BookmarkHasher.Hash("Elsa.Event", new EventPayload("Go")), "order-1", Ct)).Should().ContainSingle().Subject;
        var definition2 = (await second.Definitions.FindByVersionIdAsync(stored.State.DefinitionVersionId, Ct))!;
        var output = new StringWriter();
        var restored = await second.Mapper.RestoreAsync(definition2, stored.State, output, Ct);
        await second.Runner.ResumeAsync(restored, bookmark.Id, cancellationToken: Ct);
        await second.Instances.SaveAsync(WorkflowStateMapper.ToState(restored), stored.ConcurrencyStamp, Ct);

        restored.Status.Should().Be(WorkflowStatus.Finished);
        output.ToString().Should().Be("done" + Environment.NewLine);
        var final = (await second.Instances.LoadAsync(instanceId, Ct))!.State;
        final.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        final.FinishedAt.Should().NotBeNull();
        (await second.Bookmarks.FindByInstanceAsync(instanceId, Ct)).Should().BeEmpty("saving replaces the bookmark rows from the state");
    }

    [Fact]
    public async Task Instance_waiting_inside_a_workflow_used_as_an_activity_should_resume_in_a_fresh_process()
    {
        var options = database.NewDatabase();
        string instanceId;
        await using (var first = await RuntimeHost.StartAsync(options))
        {
            var report = await first.Importer.ImportAsync(Path.Combine(AppContext.BaseDirectory, "Flows"), Ct);
            report.Errors.Should().BeEmpty();
            var parent = (await first.Definitions.FindAsync("parent-of-waiting-child", VersionOptions.Published, Ct))!;
            var workflow = await first.Runner.RunAsync(parent, new RunOptions { StandardOutput = TextWriter.Null }, Ct);
            await first.Instances.SaveAsync(WorkflowStateMapper.ToState(workflow), null, Ct);
            instanceId = workflow.InstanceId;
        }

        // A new process has an empty activity registry: the store must register the child type before reading the parent.
        await using var second = await RuntimeHost.StartAsync(options);
        var stored = (await second.Instances.LoadAsync(instanceId, Ct))!;
        var definition = (await second.Definitions.FindByVersionIdAsync(stored.State.DefinitionVersionId, Ct))!;
        var output = new StringWriter();
        var restored = await second.Mapper.RestoreAsync(definition, stored.State, output, Ct);
        await second.Runner.ResumeAsync(restored, stored.State.Bookmarks[0].Id, new Dictionary<string, object?> { ["Payload"] = "ready" }, Ct);

        restored.Status.Should().Be(WorkflowStatus.Finished);
        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal("child got: ready", "parent got: ready");
    }

    [Fact]
    public async Task Second_save_from_the_same_loaded_version_should_lose_with_a_concurrency_conflict()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var workflow = await host.Runner.RunAsync(await PublishAsync(host, Flows.NewId("race")), new RunOptions { StandardOutput = TextWriter.Null }, Ct);
        await host.Instances.SaveAsync(WorkflowStateMapper.ToState(workflow), null, Ct);
        var a = (await host.Instances.LoadAsync(workflow.InstanceId, Ct))!;
        var b = (await host.Instances.LoadAsync(workflow.InstanceId, Ct))!;

        a.State.Name = "saved by A";
        await host.Instances.SaveAsync(a.State, a.ConcurrencyStamp, Ct);
        b.State.Name = "saved by B";
        var lose = () => host.Instances.SaveAsync(b.State, b.ConcurrencyStamp, Ct);

        (await lose.Should().ThrowAsync<ConcurrencyConflictException>()).Which.InstanceId.Should().Be(workflow.InstanceId);
        (await host.Instances.LoadAsync(workflow.InstanceId, Ct))!.State.Name.Should().Be("saved by A");
    }

    [Fact]
    public async Task Bookmarks_should_be_found_by_hash_and_correlation_id()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var eventName = Flows.NewId("evt");
        var definition = await PublishAsync(host, Flows.NewId("hash"), eventName);
        foreach (var correlationId in new[] { "c-1", "c-2" })
        {
            var workflow = await host.Runner.RunAsync(definition, new RunOptions { CorrelationId = correlationId, StandardOutput = TextWriter.Null }, Ct);
            await host.Instances.SaveAsync(WorkflowStateMapper.ToState(workflow), null, Ct);
        }

        var hash = BookmarkHasher.Hash("Elsa.Event", new EventPayload(eventName));

        (await host.Bookmarks.FindByHashAsync(hash, cancellationToken: Ct)).Should().HaveCount(2);
        (await host.Bookmarks.FindByHashAsync(hash, "c-2", Ct)).Should().ContainSingle().Which.CorrelationId.Should().Be("c-2");
        (await host.Bookmarks.FindByHashAsync(BookmarkHasher.Hash("Elsa.Event", new EventPayload("other")), cancellationToken: Ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task List_should_filter_by_definition_status_and_correlation_and_page()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var definition = await PublishAsync(host, Flows.NewId("list"));
        for (var i = 0; i < 3; i++)
        {
            var workflow = await host.Runner.RunAsync(definition, new RunOptions { CorrelationId = $"list-{i}", StandardOutput = TextWriter.Null }, Ct);
            await host.Instances.SaveAsync(WorkflowStateMapper.ToState(workflow), null, Ct);
        }

        var page = await host.Instances.ListAsync(InstanceQueryFor(definition.DefinitionId, WorkflowStatus.Running, pageSize: 2), Ct);
        var second = await host.Instances.ListAsync(InstanceQueryFor(definition.DefinitionId, WorkflowStatus.Running, page: 1, pageSize: 2), Ct);

        page.TotalCount.Should().Be(3);
        page.Items.Should().HaveCount(2);
        second.Items.Should().ContainSingle();
        (await host.Instances.ListAsync(InstanceQueryFor(definition.DefinitionId, WorkflowStatus.Finished), Ct)).TotalCount.Should().Be(0);
        (await host.Instances.ListAsync(new Stores.InstanceQuery(CorrelationId: "list-1", DefinitionId: definition.DefinitionId), Ct)).Items
            .Should().ContainSingle().Which.Version.Should().Be(definition.Version);
    }

    [Fact]
    public async Task Journal_and_incidents_should_be_appended_and_read_back_in_order()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var workflow = await host.Runner.RunAsync(await PublishAsync(host, Flows.NewId("journal")), new RunOptions { StandardOutput = TextWriter.Null }, Ct);
        await host.Instances.SaveAsync(WorkflowStateMapper.ToState(workflow), null, Ct);
        var incident = new Incident("hello", "fc:hello", "7", "Elsa.WriteLine", "boom", ExceptionInfo.From(new InvalidOperationException("boom")), DateTimeOffset.UtcNow);

        await host.Logs.AppendJournalAsync(workflow.InstanceId, workflow.Journal, Ct);
        await host.Logs.AppendIncidentsAsync(workflow.InstanceId, [incident], Ct);

        var journal = await host.Logs.ListJournalAsync(workflow.InstanceId, cancellationToken: Ct);
        journal.Select(j => (j.Sequence, j.ActivityId, j.EventName)).Should().Equal(workflow.Journal.Select(j => (j.Sequence, j.ActivityId, j.EventName)));
        var incidents = await host.Logs.ListIncidentsAsync(workflow.InstanceId, Ct);
        incidents.Should().ContainSingle().Which.Exception!.Type.Should().Be(typeof(InvalidOperationException).FullName);
    }

    private static async Task<WorkflowDefinition> PublishAsync(RuntimeHost host, string definitionId, string eventName = "Go")
    {
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(definitionId, eventName: eventName)), Ct);
        return (await host.Definitions.PublishAsync(definitionId, Ct)).Definition!;
    }

    private static Stores.InstanceQuery InstanceQueryFor(string definitionId, WorkflowStatus status, int page = 0, int pageSize = 50) =>
        new(definitionId, status, null, page, pageSize);
}

/// <summary>On SQLite (a temporary file per test).</summary>
public sealed class SqliteInstanceStoreTests(SqliteTestDatabase database) : InstanceStoreTests(database), IClassFixture<SqliteTestDatabase>;

/// <summary>On PostgreSQL (a database for this class).</summary>
public sealed class PostgresInstanceStoreTests(PostgresTestDatabase database) : InstanceStoreTests(database), IClassFixture<PostgresTestDatabase>;

using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>Elsa's definition lifecycle (research §3.10) on a real database; run per provider by the subclasses.</summary>
public abstract class DefinitionLifecycleTests(TestDatabase database)
{
    private static readonly VersionOptions AllVersions = new("AllVersions");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Draft_saved_over_a_published_version_should_become_a_new_version_and_drafts_update_in_place()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("draft");
        var v1 = await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id)), Ct);
        (await host.Definitions.PublishAsync(id, Ct)).Succeeded.Should().BeTrue();

        var v2 = await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id, "second")), Ct);
        var v2Again = await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id, "third")), Ct);

        v2.Version.Should().Be(2);
        v2.Id.Should().NotBe(v1.Id);
        v2Again.Id.Should().Be(v2.Id, "the latest version is a draft, so it is updated in place");
        var versions = await host.Definitions.ListAsync(AllVersions, id, Ct);
        versions.Select(v => (v.Version, v.IsLatest, v.IsPublished)).Should().Equal((2, true, false), (1, false, true));
        (await host.Definitions.FindAsync(id, VersionOptions.Published, Ct))!.Version.Should().Be(1);
        (await host.Definitions.FindAsync(id, VersionOptions.Latest, Ct))!.Version.Should().Be(2);
    }

    [Fact]
    public async Task Concurrent_drafts_over_a_published_version_should_make_one_version_and_refuse_the_losers_as_conflicts()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());

        // A lost race is timing-dependent, so the race is run on several definitions to meet its bad interleavings:
        // two saves that computed the same number (the unique index), and a save that computed its number after
        // another one committed (it must not become a second latest version 3).
        for (var round = 0; round < 4; round++)
        {
            var id = Flows.NewId("race");
            await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id)), Ct);
            await host.Definitions.PublishAsync(id, Ct);

            var saves = Enumerable.Range(0, 8).Select(i => Task.Run(() => host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id, $"draft {i}")), Ct), Ct)).ToList();
            var outcomes = new List<string>();
            foreach (var save in saves)
            {
                try
                {
                    outcomes.Add($"version {(await save).Version}");
                }
                catch (ConcurrencyConflictException exception)
                {
                    exception.Message.Should().Contain(id);
                    outcomes.Add("conflict");
                }
            }

            outcomes.Should().OnlyContain(o => o == "version 2" || o == "conflict").And.Contain("version 2");
            var versions = await host.Definitions.ListAsync(AllVersions, id, Ct);
            versions.Select(v => (v.Version, v.IsLatest, v.IsPublished)).Should().Equal((2, true, false), (1, false, true));
        }
    }

    [Fact]
    public async Task Publish_should_move_the_flags_so_one_version_is_published()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("publish");
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id)), Ct);
        await host.Definitions.PublishAsync(id, Ct);
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id, "second")), Ct);

        var result = await host.Definitions.PublishAsync(id, Ct);

        result.Succeeded.Should().BeTrue();
        result.Definition!.Version.Should().Be(2);
        var versions = await host.Definitions.ListAsync(AllVersions, id, Ct);
        versions.Select(v => (v.Version, v.IsLatest, v.IsPublished)).Should().Equal((2, true, true), (1, false, false));
        await using var db = host.Contexts.CreateDbContext();
        (await db.Definitions.CountAsync(d => d.DefinitionId == id && d.IsPublished, Ct)).Should().Be(1);
    }

    [Fact]
    public async Task Database_should_refuse_a_second_published_version()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("unique");
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id)), Ct);
        await host.Definitions.PublishAsync(id, Ct);
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id, "second")), Ct);

        await using var db = host.Contexts.CreateDbContext();
        var draft = await db.Definitions.SingleAsync(d => d.DefinitionId == id && !d.IsPublished, Ct);
        draft.IsPublished = true;
        var bypass = () => db.SaveChangesAsync(Ct);

        await bypass.Should().ThrowAsync<DbUpdateException>("the partial unique index allows one published row per definition");
    }

    [Fact]
    public async Task Publishing_an_invalid_version_should_report_errors_and_write_nothing()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("invalid");
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id)), Ct);
        await host.Definitions.PublishAsync(id, Ct);
        var duplicateIds = Flows.EventFlowJson(id, "second").Replace("\"id\": \"done\"", "\"id\": \"hello\"", StringComparison.Ordinal);
        await host.Definitions.SaveDraftAsync(Flows.Read(host, duplicateIds), Ct);

        var result = await host.Definitions.PublishAsync(id, Ct);

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle(e => e.ActivityId == "hello" && e.Message.Contains("duplicate activity id", StringComparison.Ordinal));
        var versions = await host.Definitions.ListAsync(AllVersions, id, Ct);
        versions.Select(v => (v.Version, v.IsLatest, v.IsPublished)).Should().Equal((2, true, false), (1, false, true));
    }

    [Fact]
    public async Task Retract_and_delete_should_hide_versions_but_keep_them_for_pinned_instances()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("retract");
        var v1 = await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id)), Ct);
        await host.Definitions.PublishAsync(id, Ct);

        (await host.Definitions.RetractAsync(id, Ct)).Should().BeTrue();
        (await host.Definitions.FindAsync(id, VersionOptions.Published, Ct)).Should().BeNull();
        (await host.Definitions.DeleteAsync(id, Ct)).Should().Be(1);

        (await host.Definitions.FindAsync(id, VersionOptions.Latest, Ct)).Should().BeNull();
        (await host.Definitions.ListAsync(AllVersions, id, Ct)).Should().BeEmpty();
        (await host.Definitions.FindByVersionIdAsync(v1.Id, Ct))!.DefinitionId.Should().Be(id);
        var again = await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id)), Ct);
        again.Version.Should().Be(2, "version numbers are never reused, also after a delete");
    }

    [Fact]
    public async Task Instance_should_stay_on_its_version_after_a_newer_one_is_published()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("pinned");
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id, "old")), Ct);
        var v1 = (await host.Definitions.PublishAsync(id, Ct)).Definition!;
        var workflow = await host.Runner.RunAsync(v1, new RunOptions(), Ct);
        var stamp = await host.Instances.SaveAsync(WorkflowStateMapper.ToState(workflow), null, Ct);

        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id, "new")), Ct);
        var v2 = (await host.Definitions.PublishAsync(id, Ct)).Definition!;

        var stored = (await host.Instances.LoadAsync(workflow.InstanceId, Ct))!;
        stored.ConcurrencyStamp.Should().Be(stamp);
        stored.State.DefinitionVersionId.Should().Be(v1.Id).And.NotBe(v2.Id);
        var pinned = (await host.Definitions.FindByVersionIdAsync(stored.State.DefinitionVersionId, Ct))!;
        pinned.Version.Should().Be(1);
        pinned.IsPublished.Should().BeFalse();
        (await host.Definitions.FindAsync(id, VersionOptions.Published, Ct))!.Id.Should().Be(v2.Id);
        var output = new StringWriter();
        var restored = await host.Mapper.RestoreAsync(pinned, stored.State, output, Ct);
        await host.Runner.ResumeStimulusAsync(restored, "Elsa.Event", new Core.Activities.Events.EventPayload("Go"), cancellationToken: Ct);
        restored.Status.Should().Be(WorkflowStatus.Finished);
        output.ToString().Should().Be("done" + Environment.NewLine);
    }

    [Fact]
    public async Task A_restarted_process_should_know_the_stored_workflows_as_activities_once_it_looks_up_any_definition()
    {
        var shared = database.NewDatabase();
        var id = Flows.NewId("as-activity");
        var json = Flows.EventFlowJson(id).Replace("\"version\": 1,", "\"version\": 1, \"options\": { \"usableAsActivity\": true },", StringComparison.Ordinal);
        await using (var first = await RuntimeHost.StartAsync(shared))
        {
            await first.Definitions.SaveDraftAsync(Flows.Read(first, json), Ct);
            (await first.Definitions.PublishAsync(id, Ct)).Succeeded.Should().BeTrue();
        }

        await using var restarted = await RuntimeHost.StartAsync(shared);
        var registry = restarted.Services.GetRequiredService<Core.Registry.ActivityRegistry>();
        registry.Find("EventFlow").Should().BeNull("the new process has read nothing yet");

        // The API does exactly this before reading documents that may use workflows-as-activities.
        (await restarted.Definitions.FindAsync("", VersionOptions.Latest, Ct)).Should().BeNull();

        registry.Find("EventFlow").Should().NotBeNull("the lookup registers the stored workflows-as-activities first");
    }
}

/// <summary>On SQLite (a temporary file per test).</summary>
public sealed class SqliteDefinitionLifecycleTests(SqliteTestDatabase database) : DefinitionLifecycleTests(database), IClassFixture<SqliteTestDatabase>;

/// <summary>On PostgreSQL (a database for this class).</summary>
public sealed class PostgresDefinitionLifecycleTests(PostgresTestDatabase database) : DefinitionLifecycleTests(database), IClassFixture<PostgresTestDatabase>;

using FluentAssertions;
using LowCodeErp.Workflows.Core.Activities.Events;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using LowCodeErp.Workflows.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>Deleting one definition version and deleting instances; run per provider by the subclasses.</summary>
public abstract class StoreDeletionTests(TestDatabase database)
{
    private static readonly VersionOptions AllVersions = new("AllVersions");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deleting_a_version_should_refuse_the_published_one_and_make_the_previous_version_latest()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("delete-version");
        var v1 = await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id)), Ct);
        await host.Definitions.PublishAsync(id, Ct);
        var v2 = await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id, "second")), Ct);

        (await host.Definitions.DeleteVersionAsync(v1.Id, Ct)).Should().Be(DeleteVersionResult.IsPublished);
        (await host.Definitions.DeleteVersionAsync(v2.Id, Ct)).Should().Be(DeleteVersionResult.Deleted);
        (await host.Definitions.DeleteVersionAsync(v2.Id, Ct)).Should().Be(DeleteVersionResult.NotFound);

        (await host.Definitions.ListAsync(AllVersions, id, Ct)).Select(v => (v.Version, v.IsLatest, v.IsPublished)).Should().Equal((1, true, true));
        (await host.Definitions.FindByVersionIdAsync(v2.Id, Ct)).Should().NotBeNull("instances pinned to a deleted version can still load it");
        var v3 = await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id, "third")), Ct);
        v3.Version.Should().Be(3, "version numbers are never reused");
    }

    [Fact]
    public async Task Deleting_instances_should_remove_their_bookmarks_and_journal_so_nothing_resumes_them()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("delete-instance");
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id)), Ct);
        await host.Definitions.PublishAsync(id, Ct);
        var doomed = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published, "c-1"), Ct);
        var kept = await host.Runtime.StartAsync(new StartWorkflowRequest(id, VersionOptions.Published, "c-1"), Ct);

        (await host.Instances.DeleteAsync([doomed.InstanceId, "no-such-instance"], Ct)).Should().Be(1);

        (await host.Instances.LoadAsync(doomed.InstanceId, Ct)).Should().BeNull();
        (await host.Logs.ListJournalAsync(doomed.InstanceId, cancellationToken: Ct)).Should().BeEmpty();
        await using (var db = host.Contexts.CreateDbContext())
        {
            (await db.Bookmarks.CountAsync(b => b.InstanceId == doomed.InstanceId, Ct)).Should().Be(0);
        }

        var resumed = await host.Runtime.SendStimulusAsync(new StimulusRequest("Elsa.Event", new EventPayload("Go"), "c-1"), Ct);
        resumed.Select(r => r.InstanceId).Should().Equal(kept.InstanceId);
        (await host.Instances.DeleteAsync([doomed.InstanceId], Ct)).Should().Be(0);
    }
}

/// <summary>On SQLite (a temporary file per test).</summary>
public sealed class SqliteStoreDeletionTests(SqliteTestDatabase database) : StoreDeletionTests(database), IClassFixture<SqliteTestDatabase>;

/// <summary>On PostgreSQL (a database for this class).</summary>
public sealed class PostgresStoreDeletionTests(PostgresTestDatabase database) : StoreDeletionTests(database), IClassFixture<PostgresTestDatabase>;

using FluentAssertions;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>The definition-version cache and the SQLite connection settings.</summary>
public sealed class PersistencePerformanceTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Published_versions_should_be_parsed_once_and_drafts_every_time()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("cache");
        var v1 = await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id)), Ct);

        // A draft can still change: never cached.
        var draft = await host.Definitions.FindByVersionIdAsync(v1.Id, Ct);
        (await host.Definitions.FindByVersionIdAsync(v1.Id, Ct)).Should().NotBeSameAs(draft);

        await host.Definitions.PublishAsync(id, Ct);
        var published = await host.Definitions.FindByVersionIdAsync(v1.Id, Ct);
        published!.IsPublished.Should().BeTrue();
        (await host.Definitions.FindByVersionIdAsync(v1.Id, Ct)).Should().BeSameAs(published);
        (await host.Definitions.FindAsync(id, VersionOptions.Published, Ct)).Should().BeSameAs(published);

        // A new draft makes v1 non-latest: the write drops the cached copy, so the flags are read again.
        var v2 = await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id, "second")), Ct);
        var again = await host.Definitions.FindByVersionIdAsync(v1.Id, Ct);
        again.Should().NotBeSameAs(published);
        again!.IsLatest.Should().BeFalse();
        again.IsPublished.Should().BeTrue();
        (await host.Definitions.FindAsync(id, VersionOptions.Latest, Ct))!.Id.Should().Be(v2.Id);
    }

    [Fact]
    public async Task Retract_and_delete_should_drop_cached_versions_but_pinned_instances_still_find_them()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("cache-retract");
        var v1 = await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id)), Ct);
        await host.Definitions.PublishAsync(id, Ct);
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id, "second")), Ct);
        (await host.Definitions.FindByVersionIdAsync(v1.Id, Ct))!.IsPublished.Should().BeTrue();

        (await host.Definitions.RetractAsync(id, Ct)).Should().BeTrue();
        (await host.Definitions.FindByVersionIdAsync(v1.Id, Ct))!.IsPublished.Should().BeFalse();

        (await host.Definitions.DeleteAsync(id, Ct)).Should().Be(2);
        (await host.Definitions.FindAsync(id, VersionOptions.Latest, Ct)).Should().BeNull();
        (await host.Definitions.FindByVersionIdAsync(v1.Id, Ct)).Should().NotBeNull("instances pinned to a deleted version can still load it");
    }

    [Fact]
    public async Task Sqlite_connections_should_commit_with_synchronous_normal()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        await using var db = host.Contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync(Ct);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        Convert.ToInt32(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture).Should().Be(1, "NORMAL");
        command.CommandText = "PRAGMA journal_mode";
        (await command.ExecuteScalarAsync(Ct)).Should().Be("wal", "NORMAL is only crash-safe in WAL mode");
    }

    [Fact]
    public async Task When_the_published_pointer_expires_one_caller_should_re_read_it_while_the_others_use_the_known_version()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));
        using var gate = new GatedContexts();
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase(), clock, services =>
            services.AddSingleton<IDbContextFactory<WorkflowsDbContext>>(sp => gate.Wrap(sp.GetRequiredService<WorkflowsDbContextFactory>())));
        var id = Flows.NewId("cache-herd");
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id)), Ct);
        await host.Definitions.PublishAsync(id, Ct);
        var published = await host.Definitions.FindAsync(id, VersionOptions.Published, Ct);
        (await host.Definitions.FindAsync(id, VersionOptions.Published, Ct)).Should().BeSameAs(published, "the published version is cached");
        clock.Advance(TimeSpan.FromSeconds(3)); // past the 2 s to live, within the one more the others may go on with

        gate.Close(); // whoever reaches the database now waits
        var finds = Enumerable.Range(0, 20).Select(_ => Task.Run(async () => await host.Definitions.FindAsync(id, VersionOptions.Published, Ct), Ct)).ToList();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (finds.Count(f => f.IsCompleted) < 19 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20, Ct);
        }

        var completedWhileClosed = finds.Count(f => f.IsCompleted);
        var waiting = gate.Waiting;
        gate.Open();
        completedWhileClosed.Should().Be(19, "only the caller re-reading the pointer waits for the database");
        waiting.Should().Be(1);
        (await Task.WhenAll(finds)).Should().AllSatisfy(found => found.Should().BeSameAs(published));
    }

    [Fact]
    public async Task A_version_retracted_elsewhere_should_not_be_served_while_another_caller_re_reads_the_pointer()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));
        using var gate = new GatedContexts();
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase(), clock, services =>
            services.AddSingleton<IDbContextFactory<WorkflowsDbContext>>(sp => gate.Wrap(sp.GetRequiredService<WorkflowsDbContextFactory>())));
        var id = Flows.NewId("cache-retracted");
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(id)), Ct);
        await host.Definitions.PublishAsync(id, Ct);
        (await host.Definitions.FindAsync(id, VersionOptions.Published, Ct)).Should().NotBeNull();
        // Retracted by another replica: this node's store is not told.
        await using (var db = host.Contexts.CreateDbContext())
        {
            await db.Definitions.Where(d => d.DefinitionId == id).ExecuteUpdateAsync(d => d.SetProperty(r => r.IsPublished, false), Ct);
        }

        clock.Advance(TimeSpan.FromSeconds(3));
        (await host.Definitions.FindAsync(id, VersionOptions.Published, Ct)).Should().BeNull("the re-read finds nothing published");

        gate.Close();
        var finds = Enumerable.Range(0, 5).Select(_ => Task.Run(async () => await host.Definitions.FindAsync(id, VersionOptions.Published, Ct), Ct)).ToList();
        await Task.Delay(300, Ct);
        var servedWhileClosed = finds.Where(f => f.IsCompleted).Select(f => f.Result).ToList();
        gate.Open();
        servedWhileClosed.Where(found => found is not null).Should().BeEmpty("nothing is published any more");
        (await Task.WhenAll(finds)).Should().AllSatisfy(found => found.Should().BeNull());
    }

    /// <summary>Contexts that, while closed, are handed out only when it opens again.</summary>
    private sealed class GatedContexts : IDisposable
    {
        private readonly ManualResetEventSlim _open = new(true);
        private int _waiting;

        public int Waiting => Volatile.Read(ref _waiting);

        public void Close() => _open.Reset();

        public void Open() => _open.Set();

        public void Dispose() => _open.Dispose();

        public IDbContextFactory<WorkflowsDbContext> Wrap(IDbContextFactory<WorkflowsDbContext> inner) => new Factory(this, inner);

        private sealed class Factory(GatedContexts gate, IDbContextFactory<WorkflowsDbContext> inner) : IDbContextFactory<WorkflowsDbContext>
        {
            public WorkflowsDbContext CreateDbContext()
            {
                if (!gate._open.IsSet)
                {
                    Interlocked.Increment(ref gate._waiting);
                    gate._open.Wait(TimeSpan.FromSeconds(30));
                }

                return inner.CreateDbContext();
            }
        }
    }
}

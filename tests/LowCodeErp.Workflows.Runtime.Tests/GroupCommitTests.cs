using System.Data.Common;
using System.Text.Json;
using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Stores;
using LowCodeErp.Workflows.Runtime.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>Saves of many instances share transactions (group commit) without one save's failure costing the others.</summary>
public abstract class GroupCommitTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_with_one_stale_save_should_commit_the_others_and_fail_only_that_one()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var definition = await PublishAsync(host);
        var (fresh, stale, other) = (await RunAsync(host, definition), await RunAsync(host, definition), await RunAsync(host, definition));
        var staleStamp = (await host.Instances.LoadAsync(stale.InstanceId, Ct))!.ConcurrencyStamp;
        await host.Instances.SaveAsync(WorkflowStateMapper.ToState(stale), staleStamp, Ct); // someone else saved after our load
        var brandNew = await host.Runner.RunAsync(definition, new RunOptions { StandardOutput = TextWriter.Null }, Ct);
        var writes = new List<InstanceWrite>
        {
            Write(fresh, (await host.Instances.LoadAsync(fresh.InstanceId, Ct))!.ConcurrencyStamp, "fresh"),
            Write(stale, staleStamp, "stale"),
            Write(other, (await host.Instances.LoadAsync(other.InstanceId, Ct))!.ConcurrencyStamp, "other"),
            Write(brandNew, null, "brand-new"),
        };

        await host.Services.GetRequiredService<GroupCommitWriter>().CommitAsync(writes);

        await writes[0].Completion;
        await writes[2].Completion;
        await writes[3].Completion;
        await FluentActions.Awaiting(() => writes[1].Completion).Should().ThrowAsync<ConcurrencyConflictException>();
        (await NameOfAsync(host, fresh)).Should().Be("fresh");
        (await NameOfAsync(host, other)).Should().Be("other");
        (await NameOfAsync(host, brandNew)).Should().Be("brand-new");
        (await NameOfAsync(host, stale)).Should().BeNull("the stale save lost and wrote nothing");
    }

    [Fact]
    public async Task A_batch_with_one_save_breaking_a_constraint_should_commit_the_others_and_fail_only_that_one()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var definition = await PublishAsync(host);
        var (fresh, broken) = (await RunAsync(host, definition), await RunAsync(host, definition));
        var brandNew = await host.Runner.RunAsync(definition, new RunOptions { StandardOutput = TextWriter.Null }, Ct);
        await host.Logs.AppendJournalAsync(broken.InstanceId, broken.Journal, Ct);
        var writes = new List<InstanceWrite>
        {
            Write(fresh, (await host.Instances.LoadAsync(fresh.InstanceId, Ct))!.ConcurrencyStamp, "fresh"),
            Write(broken, (await host.Instances.LoadAsync(broken.InstanceId, Ct))!.ConcurrencyStamp, "broken"),
            Write(brandNew, null, "brand-new"),
        };
        // The same journal segment again: its key (instance, last sequence) exists, so this unit's INSERT fails.
        writes[1].JournalSegment = new JournalSegmentWrite(broken.InstanceId, broken.Journal[0].Sequence, broken.Journal[^1].Sequence, "[]"u8.ToArray());

        await host.Services.GetRequiredService<GroupCommitWriter>().CommitAsync(writes);

        await writes[0].Completion;
        await writes[2].Completion;
        var failure = await FluentActions.Awaiting(() => writes[1].Completion).Should().ThrowAsync<DbException>();
        failure.Which.Should().NotBeOfType<ConcurrencyConflictException>();
        (await NameOfAsync(host, fresh)).Should().Be("fresh");
        (await NameOfAsync(host, brandNew)).Should().Be("brand-new");
        (await NameOfAsync(host, broken)).Should().BeNull("the failed unit's instance update was rolled back with its journal insert");
    }

    [Fact]
    public async Task Two_saves_of_one_instance_from_the_same_stamp_in_one_batch_should_let_exactly_the_first_win()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var definition = await PublishAsync(host);
        var workflow = await RunAsync(host, definition);
        var stamp = (await host.Instances.LoadAsync(workflow.InstanceId, Ct))!.ConcurrencyStamp;
        var writes = new List<InstanceWrite> { Write(workflow, stamp, "first"), Write(workflow, stamp, "second") };

        await host.Services.GetRequiredService<GroupCommitWriter>().CommitAsync(writes);

        await writes[0].Completion;
        (await FluentActions.Awaiting(() => writes[1].Completion).Should().ThrowAsync<ConcurrencyConflictException>())
            .Which.InstanceId.Should().Be(workflow.InstanceId);
        (await NameOfAsync(host, workflow)).Should().Be("first");
        (await host.Instances.LoadAsync(workflow.InstanceId, Ct))!.ConcurrencyStamp.Should().Be(writes[0].Row.ConcurrencyStamp);
    }

    [Fact]
    public async Task Rows_written_by_the_writer_should_read_back_through_EF_with_the_same_values()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var workflow = await host.Runner.RunAsync(await PublishAsync(host), new RunOptions { StandardOutput = TextWriter.Null, CorrelationId = "order-7" }, Ct);
        var state = WorkflowStateMapper.ToState(workflow);
        // Another save first: the writer reuses its commands (on SQLite their parameters too), so the row compared below
        // is bound the way every save but a connection's first is.
        var other = await host.Runner.RunAsync(await PublishAsync(host), new RunOptions { StandardOutput = TextWriter.Null, CorrelationId = "order-8" }, Ct);
        await host.Instances.SaveAsync(WorkflowStateMapper.ToState(other), null, Ct);

        var stamp = await host.Instances.SaveAsync(state, null, Ct);

        await using var db = host.Contexts.CreateDbContext();
        // Queries compare in SQL: they only match when the writer stored each value exactly as EF's parameters encode it
        // (SQLite's DateTimeOffset converter, for one, keeps less than tick precision: a read-back value is not comparable).
        var row = await db.Instances.SingleAsync(i => i.ConcurrencyStamp == stamp && i.UpdatedAt == state.UpdatedAt.ToUniversalTime()
            && i.CreatedAt == state.CreatedAt.ToUniversalTime()
            && i.Status == WorkflowStatus.Running && i.SubStatus == WorkflowSubStatus.Suspended && i.CorrelationId == "order-7", Ct);
        row.Id.Should().Be(state.Id);
        row.FinishedAt.Should().BeNull();
        var bookmark = await db.Bookmarks.SingleAsync(b => b.InstanceId == state.Id, Ct);
        bookmark.Hash.Should().Be(state.Bookmarks[0].Hash);
        bookmark.CorrelationId.Should().Be("order-7");
    }

    [Fact]
    public async Task Concurrent_saves_should_all_commit_with_their_bookmarks()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var definition = await PublishAsync(host);
        var workflows = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => host.Runner.RunAsync(definition, new RunOptions { StandardOutput = TextWriter.Null }, Ct)));

        await Task.WhenAll(workflows.Select(w => host.Instances.SaveAsync(WorkflowStateMapper.ToState(w), null, Ct)));

        foreach (var workflow in workflows)
        {
            (await host.Instances.LoadAsync(workflow.InstanceId, Ct)).Should().NotBeNull();
            (await host.Bookmarks.FindByInstanceAsync(workflow.InstanceId, Ct)).Should().ContainSingle();
        }
    }

    [Fact]
    public async Task Journal_pages_should_cross_the_segments_of_several_bursts()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var workflow = await host.Runner.RunAsync(await PublishAsync(host), new RunOptions { StandardOutput = TextWriter.Null }, Ct);
        var entries = workflow.Journal;
        entries.Should().HaveCountGreaterThan(4);
        var half = entries.Count / 2;
        await host.Logs.AppendJournalAsync(workflow.InstanceId, entries.Take(half), Ct);
        await host.Logs.AppendJournalAsync(workflow.InstanceId, entries.Skip(half), Ct);

        var page = await host.Logs.ListJournalAsync(workflow.InstanceId, afterSequence: entries[half - 2].Sequence, take: 3, cancellationToken: Ct);

        page.Select(e => e.Sequence).Should().Equal(entries.Skip(half - 1).Take(3).Select(e => e.Sequence));
        (await host.Logs.ListJournalAsync(workflow.InstanceId, cancellationToken: Ct)).Select(e => (e.Sequence, e.ActivityId, e.EventName))
            .Should().Equal(entries.Select(e => (e.Sequence, e.ActivityId, e.EventName)));
    }

    [Fact]
    public async Task A_journal_segment_written_by_the_writer_should_be_stored_as_the_segment_text()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var workflow = await host.Runner.RunAsync(await PublishAsync(host), new RunOptions { StandardOutput = TextWriter.Null }, Ct);
        var write = Write(workflow, null, "journal");
        // Non-ASCII text: SQLite gets the UTF-8 bytes cast to TEXT, the other providers a string; both must store this text.
        var entries = workflow.Journal.Select(e => e with { Message = "Buchung für Müller 😀" }).ToList();
        write.JournalSegment = EfWorkflowLogStore.JournalSegmentWrite(workflow.InstanceId, entries);

        await host.Services.GetRequiredService<GroupCommitWriter>().CommitAsync([write]);

        await write.Completion;
        var expected = JournalJson.Write(entries);
        await using var db = host.Contexts.CreateDbContext();
        // Compared in SQL: on SQLite a BLOB never equals a TEXT value, so this also proves the column's storage class.
        (await db.Journal.CountAsync(j => j.InstanceId == workflow.InstanceId && j.EntriesJson == expected, Ct)).Should().Be(1);
        (await host.Logs.ListJournalAsync(workflow.InstanceId, take: 1000, cancellationToken: Ct)).Select(e => (e.Sequence, e.Message))
            .Should().Equal(entries.Select(e => (e.Sequence, e.Message)));
    }

    [Fact]
    public async Task A_new_instance_written_by_the_writer_should_store_its_state_as_text_that_reads_back()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var workflow = await host.Runner.RunAsync(await PublishAsync(host), new RunOptions { StandardOutput = TextWriter.Null }, Ct);
        var state = WorkflowStateMapper.ToState(workflow);
        // Non-ASCII text: SQLite gets the state's UTF-8 bytes (converted on the caller's thread) cast to TEXT.
        state.CorrelationId = "Müller & Söhne 😀";

        var stamp = await host.Instances.SaveAsync(state, null, Ct);

        var stored = await host.Instances.LoadAsync(state.Id, Ct);
        stored!.ConcurrencyStamp.Should().Be(stamp);
        stored.State.CorrelationId.Should().Be("Müller & Söhne 😀");
        stored.State.Status.Should().Be(state.Status);
        await using var db = host.Contexts.CreateDbContext();
        var expected = JsonSerializer.Serialize(state, SerializerOptions.Default);
        // Compared in SQL: on SQLite a BLOB never equals a TEXT value, so this also proves the column's storage class.
        (await db.Instances.CountAsync(i => i.Id == state.Id && i.StateJson == expected && i.CorrelationId == "Müller & Söhne 😀", Ct)).Should().Be(1);
    }

    private static InstanceWrite Write(WorkflowExecutionContext workflow, Guid? expectedStamp, string name)
    {
        var state = WorkflowStateMapper.ToState(workflow);
        var row = new WorkflowInstanceRecord
        {
            Id = state.Id, DefinitionId = state.DefinitionId, DefinitionVersionId = state.DefinitionVersionId, Version = state.DefinitionVersion,
            Name = name, Status = state.Status, SubStatus = state.SubStatus, StateJson = "{}", CreatedAt = state.CreatedAt.ToUniversalTime(),
            UpdatedAt = state.UpdatedAt.ToUniversalTime(), ConcurrencyStamp = Guid.NewGuid(),
        };
        return new InstanceWrite(row, expectedStamp, []);
    }

    private static async Task<string?> NameOfAsync(RuntimeHost host, WorkflowExecutionContext workflow)
    {
        await using var db = host.Contexts.CreateDbContext();
        return db.Instances.Single(i => i.Id == workflow.InstanceId).Name;
    }

    private static async Task<WorkflowExecutionContext> RunAsync(RuntimeHost host, WorkflowDefinition definition)
    {
        var workflow = await host.Runner.RunAsync(definition, new RunOptions { StandardOutput = TextWriter.Null }, Ct);
        await host.Instances.SaveAsync(WorkflowStateMapper.ToState(workflow), null, Ct);
        return workflow;
    }

    private static async Task<WorkflowDefinition> PublishAsync(RuntimeHost host)
    {
        var definitionId = Flows.NewId("group");
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(definitionId)), Ct);
        return (await host.Definitions.PublishAsync(definitionId, Ct)).Definition!;
    }
}

/// <summary>On SQLite (one writer loop).</summary>
public sealed class SqliteGroupCommitTests(SqliteTestDatabase database) : GroupCommitTests(database), IClassFixture<SqliteTestDatabase>;

/// <summary>On PostgreSQL (a writer loop per core).</summary>
public sealed class PostgresGroupCommitTests(PostgresTestDatabase database) : GroupCommitTests(database), IClassFixture<PostgresTestDatabase>;

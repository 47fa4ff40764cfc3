using System.Collections.Concurrent;
using FluentAssertions;
using LowCodeErp.HumanTasks;
using LowCodeErp.HumanTasks.Api;
using LowCodeErp.HumanTasks.Live;
using LowCodeErp.Web.Live;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Web.Tests;

/// <summary>
/// The real engine, runtime and task store (SQLite) with the web application's feed: every task change reaches the
/// feed after it committed, so a page that re-reads on the notification sees it.
/// </summary>
public sealed class TaskChangeNotificationTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("erp-web-tests-").FullName;
    private readonly BlockingCollection<(TaskChanged Change, TaskItem? SeenByCandidate)> _seen = [];
    private WebApplication _app = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var database = new WorkflowsDatabaseOptions
        {
            Provider = WorkflowsDatabaseProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(_folder, "workflows.db")}",
        };
        builder.Services.AddWorkflowEngine().AddWorkflowRuntime(database).AddHumanTasks();
        builder.Services.AddErpWeb();
        _app = builder.Build();
        // The runtime's schema first (the server's start-up service does this), then the tasks migrator starts with the host.
        await _app.Services.GetRequiredService<WorkflowsDbContextFactory>().MigrateAsync(TestContext.Current.CancellationToken);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        await PublishAsync();

        // What a candidate's inbox would read when told: the task as the list shows it (null = not listed).
        var queries = _app.Services.GetRequiredService<TaskQueries>();
        _app.Services.GetRequiredService<ITaskChangeFeed>().Subscribe(async changes =>
        {
            foreach (var change in changes)
            {
                var page = await queries.ListAsync(Candidate, new TaskListQuery { View = "candidate" }, CancellationToken.None);
                _seen.Add((change, page.Items.SingleOrDefault(t => t.Id == change.TaskId)));
            }
        });
    }

    private static TaskUser Candidate => new("uma", ["underwriter"]);

    [Fact]
    public async Task EveryTaskChange_Should_ReachTheFeedAfterItCommitted_WithWhomItConcerns()
    {
        var runtime = _app.Services.GetRequiredService<IWorkflowRuntime>();
        var commands = _app.Services.GetRequiredService<TaskCommands>();

        await runtime.StartAsync(new StartWorkflowRequest("notify-flow", VersionOptions.Published, "BK-1", null), TestContext.Current.CancellationToken);
        var created = Next(TaskChangeKinds.Created);
        created.Change.Roles.Should().Equal("underwriter");
        created.SeenByCandidate.Should().NotBeNull("the notification comes after the commit, so the list already shows the task");
        var taskId = created.Change.TaskId;

        (await commands.ClaimAsync(taskId, Candidate, TestContext.Current.CancellationToken)).Status.Should().Be(TaskOperationStatus.Ok);
        var claimed = Next(TaskChangeKinds.Claimed);
        claimed.Change.Users.Should().Contain("uma");
        claimed.Change.Roles.Should().Equal("underwriter");
        claimed.SeenByCandidate.Should().BeNull("a claimed task has left the candidates' list when they are told");

        (await commands.UnclaimAsync(taskId, Candidate, TestContext.Current.CancellationToken)).Status.Should().Be(TaskOperationStatus.Ok);
        Next(TaskChangeKinds.Unclaimed).SeenByCandidate.Should().NotBeNull();

        (await commands.ClaimAsync(taskId, Candidate, TestContext.Current.CancellationToken)).Status.Should().Be(TaskOperationStatus.Ok);
        Next(TaskChangeKinds.Claimed);
        (await commands.DelegateAsync(taskId, Candidate, new DelegateTaskRequest("sam"), TestContext.Current.CancellationToken)).Status.Should().Be(TaskOperationStatus.Ok);
        Next(TaskChangeKinds.Delegated).Change.Users.Should().Contain(["uma", "sam"]);

        var sam = new TaskUser("sam", []);
        (await commands.CompleteAsync(taskId, sam, new CompleteTaskRequest("Done", null, null), TestContext.Current.CancellationToken)).Status.Should().Be(TaskOperationStatus.Ok);
        var completed = Next(TaskChangeKinds.Completed);
        completed.Change.TaskId.Should().Be(taskId);
        completed.Change.Concerns("anyone", []).Should().BeTrue("a completion may change any list that shows the task");
    }

    [Fact]
    public async Task ARefusedOperation_Should_NotifyNobody()
    {
        var runtime = _app.Services.GetRequiredService<IWorkflowRuntime>();
        var commands = _app.Services.GetRequiredService<TaskCommands>();
        await runtime.StartAsync(new StartWorkflowRequest("notify-flow", VersionOptions.Published, "BK-2", null), TestContext.Current.CancellationToken);
        var taskId = Next(TaskChangeKinds.Created).Change.TaskId;

        (await commands.ClaimAsync(taskId, new TaskUser("carl", ["committee"]), TestContext.Current.CancellationToken)).Status.Should().Be(TaskOperationStatus.Forbidden);
        (await commands.ClaimAsync(taskId, Candidate, TestContext.Current.CancellationToken)).Status.Should().Be(TaskOperationStatus.Ok);

        // The next notification is the successful claim: the refused one sent none.
        Next(TaskChangeKinds.Claimed).Change.Users.Should().Contain("uma").And.NotContain("carl");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _seen.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private (TaskChanged Change, TaskItem? SeenByCandidate) Next(string kind)
    {
        _seen.TryTake(out var next, (int)Wait.TotalMilliseconds, TestContext.Current.CancellationToken).Should().BeTrue($"a {kind} notification should arrive");
        next.Change.Change.Should().Be(kind);
        return next;
    }

    private async Task PublishAsync()
    {
        const string json = """
            {
              "id": "notify-flow-v1", "definitionId": "notify-flow", "name": "notify-flow", "version": 1,
              "root": { "id": "fc", "type": "Elsa.Flowchart", "activities": [
                  { "id": "start", "type": "Elsa.Start" },
                  { "id": "task", "type": "Erp.HumanTask",
                    "title": { "typeName": "String", "expression": { "type": "Literal", "value": "Check it" } },
                    "candidateRoles": { "typeName": "Object", "expression": { "type": "Literal", "value": "underwriter" } },
                    "outcomes": { "typeName": "String[]", "expression": { "type": "Literal", "value": "[\"Done\"]" } } }
                ],
                "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "task", "port": "In" } } ] }
            }
            """;
        var read = _app.Services.GetRequiredService<WorkflowSerializer>().Read(json);
        read.IsValid.Should().BeTrue(string.Join("; ", read.Errors));
        var store = _app.Services.GetRequiredService<IWorkflowDefinitionStore>();
        await store.SaveDraftAsync(read.Definition!, TestContext.Current.CancellationToken);
        (await store.PublishAsync(read.Definition!.DefinitionId, TestContext.Current.CancellationToken)).Succeeded.Should().BeTrue();
    }
}

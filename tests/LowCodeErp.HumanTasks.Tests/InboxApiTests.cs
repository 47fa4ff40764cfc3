using System.Net;
using System.Text.Json;
using FluentAssertions;
using LowCodeErp.HumanTasks.Tests.Infrastructure;
using LowCodeErp.Workflows.Core.Execution;
using static LowCodeErp.HumanTasks.Tests.Infrastructure.Api;

namespace LowCodeErp.HumanTasks.Tests;

/// <summary>The inbox rules end to end (engine, runtime, task store, API) on one provider.</summary>
public abstract class InboxApiTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    private static readonly object ValidReview = new { riskScore = 3, rating = "A", checkedRegister = true, taxId = "DE123456789" };

    private async Task<(TasksHost Host, string InstanceId)> StartLeaseAsync(string initiator = "sales1", string key = "LA-1", decimal amount = 50000m)
    {
        var host = await TasksHost.StartAsync(database.NewDatabase());
        await host.PublishAsync(TaskFlows.LeaseApproval);
        var run = await host.StartAsync("lease-approval", new Dictionary<string, object?>
        {
            ["ApplicationNo"] = key, ["Lessee"] = "Acme GmbH", ["Amount"] = amount, ["Initiator"] = initiator,
        }, businessKey: key);
        return (host, run.InstanceId);
    }

    private static async Task<string> SingleCandidateTaskAsync(HttpClient client, string title)
    {
        var tasks = await client.ListAsync("view=candidate");
        return tasks.Should().ContainSingle(t => t.Str("title").StartsWith(title, StringComparison.Ordinal)).Subject.Id();
    }

    [Fact]
    public async Task Lease_flow_refuses_4_eyes_needs_two_committee_members_and_continues_down_the_chosen_port()
    {
        var (host, instanceId) = await StartLeaseAsync(initiator: "uw1");
        await using var _ = host;
        var initiator = host.As("uw1", "underwriter");
        var reviewer = host.As("uw2", "underwriter");

        // The initiator is excluded: the task is not offered to them, and claiming or completing it is refused.
        (await initiator.ListAsync("view=candidate")).Should().BeEmpty();
        var review = await SingleCandidateTaskAsync(reviewer, "Review lease application LA-1");
        await initiator.ClaimAsync(review).ShouldBeAsync(HttpStatusCode.Forbidden);
        await reviewer.ClaimAsync(review).ShouldBeAsync(HttpStatusCode.NoContent);
        await initiator.CompleteAsync(review, "Approve", ValidReview).ShouldBeAsync(HttpStatusCode.Forbidden);

        var item = (await reviewer.ListAsync()).Should().ContainSingle().Subject;
        item.Str("workflowInstanceId").Should().Be(instanceId);
        item.Str("status").Should().Be("Assigned");
        item.Str("assignee").Should().Be("uw2");
        item.GetProperty("candidateRoles").EnumerateArray().Select(r => r.GetString()).Should().Equal("underwriter");
        item.GetProperty("outcomes").EnumerateArray().Select(r => r.GetString()).Should().Equal("Approve", "Reject", "SendBack");
        item.GetProperty("dueAt").ValueKind.Should().Be(JsonValueKind.String);
        // The expression default of the form was resolved when the task was created.
        item.GetProperty("form").GetProperty("fields")[1].GetProperty("default").GetDecimal().Should().Be(50000m);

        await reviewer.CompleteAsync(review, "Approve", ValidReview).ShouldBeAsync(HttpStatusCode.NoContent);

        // Down the Approve port: the committee's 2-of-M approval offers two seats to the committee role.
        var committee1 = host.As("committee1", "committee");
        var committee2 = host.As("committee2", "committee");
        var seats = await committee1.ListAsync("view=candidate");
        seats.Should().HaveCount(2);
        await committee1.ClaimAsync(seats[0].Id()).ShouldBeAsync(HttpStatusCode.NoContent);
        await committee1.CompleteAsync(seats[0].Id(), "Approve").ShouldBeAsync(HttpStatusCode.NoContent);
        // A second decision by the same member is refused; the approval waits for a different member.
        await committee1.ClaimAsync(seats[1].Id()).ShouldBeAsync(HttpStatusCode.Forbidden);
        (await host.Instances.LoadAsync(instanceId, Ct))!.State.Status.Should().Be(WorkflowStatus.Running);
        (await host.As("sales2", "sales").ListAsync("view=candidate")).Should().BeEmpty();
        await committee2.ClaimAsync(seats[1].Id()).ShouldBeAsync(HttpStatusCode.NoContent);
        await committee2.CompleteAsync(seats[1].Id(), "Approve").ShouldBeAsync(HttpStatusCode.NoContent);

        // Approved → the signing task for sales.
        (await host.As("sales2", "sales").ListAsync("view=candidate")).Should().ContainSingle()
            .Which.Str("title").Should().Be("Sign lease contract LA-1");

        var details = await reviewer.GetJsonAsync($"/api/tasks/{review}");
        details.GetProperty("completedBy").GetString().Should().Be("uw2");
        details.GetProperty("outcome").GetString().Should().Be("Approve");
        details.GetProperty("data").GetProperty("financedAmount").GetDecimal().Should().Be(50000m);
        details.GetProperty("variables").GetProperty("Lessee").GetString().Should().Be("Acme GmbH");
        details.GetProperty("history").EnumerateArray().Select(h => h.Str("action")).Should().Equal("Created", "Claimed", "Completed");
        (details.Str("activityId"), details.GetProperty("definitionVersion").GetInt32()).Should().Be(("review", 1), "the flow diagram highlights it");
        (await reviewer.ListAsync("view=completed")).Should().ContainSingle().Which.Id().Should().Be(review);
    }

    [Fact]
    public async Task Concurrent_completions_one_wins_the_others_get_409()
    {
        var (host, _) = await StartLeaseAsync();
        await using var _ = host;
        var reviewer = host.As("uw2", "underwriter");
        var review = await SingleCandidateTaskAsync(reviewer, "Review");
        await reviewer.ClaimAsync(review).ShouldBeAsync(HttpStatusCode.NoContent);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => reviewer.CompleteAsync(review, "Approve", ValidReview)));

        responses.Count(r => r.StatusCode == HttpStatusCode.NoContent).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(4);
        await reviewer.CompleteAsync(review, "Approve", ValidReview).ShouldBeAsync(HttpStatusCode.Conflict);
        (await host.As("committee1", "committee").ListAsync("view=candidate")).Should().HaveCount(2, "the instance resumed exactly once");
    }

    [Fact]
    public async Task Invalid_form_data_is_400_with_field_errors_and_changes_nothing()
    {
        var (host, instanceId) = await StartLeaseAsync();
        await using var _ = host;
        var reviewer = host.As("uw2", "underwriter");
        var review = await SingleCandidateTaskAsync(reviewer, "Review");
        await reviewer.ClaimAsync(review).ShouldBeAsync(HttpStatusCode.NoContent);

        var response = await reviewer.CompleteAsync(review, "Approve",
            new { riskScore = 11, rating = "Z", checkedRegister = false, taxId = "FR1", financedAmount = 10.123, contractStart = "soon", unknown = 1 });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        problem.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            "data.riskScore", "data.rating", "data.checkedRegister", "data.taxId", "data.financedAmount", "data.contractStart", "data.unknown");
        await reviewer.CompleteAsync(review, "Maybe", ValidReview).ShouldBeAsync(HttpStatusCode.BadRequest);
        await reviewer.CompleteAsync(review, "Reject", ValidReview).ShouldBeAsync(HttpStatusCode.BadRequest); // comment required
        await reviewer.CompleteAsync(review, "Approve", new { rating = "A" }).ShouldBeAsync(HttpStatusCode.BadRequest); // required fields

        var task = await reviewer.GetJsonAsync($"/api/tasks/{review}");
        task.GetProperty("task").Str("status").Should().Be("Assigned");
        task.GetProperty("history").GetArrayLength().Should().Be(2);
        (await host.Instances.LoadAsync(instanceId, Ct))!.State.Bookmarks.Should().Contain(b => b.Name == "Erp.HumanTask");
    }

    [Fact]
    public async Task Delegation_keeps_the_owner_responsible_and_the_delegate_completes_down_the_chosen_port()
    {
        var (host, _) = await StartLeaseAsync(initiator: "sales1");
        await using var _ = host;
        var owner = host.As("uw2", "underwriter");
        var review = await SingleCandidateTaskAsync(owner, "Review");
        await owner.ClaimAsync(review).ShouldBeAsync(HttpStatusCode.NoContent);
        await owner.PostAsync($"/api/tasks/{review}/delegate", new { userName = "sales1" }).ShouldBeAsync(HttpStatusCode.Forbidden); // excluded
        await owner.PostAsync($"/api/tasks/{review}/delegate", new { userName = "" }).ShouldBeAsync(HttpStatusCode.BadRequest);
        await owner.PostAsync($"/api/tasks/{review}/delegate", new { userName = "uw3" }).ShouldBeAsync(HttpStatusCode.NoContent);

        var delegateClient = host.As("uw3", "underwriter");
        var delegated = (await delegateClient.ListAsync()).Should().ContainSingle().Subject;
        delegated.Str("status").Should().Be("Delegated");
        delegated.Str("owner").Should().Be("uw2");
        (await owner.ListAsync()).Should().ContainSingle("the owner stays responsible");
        await owner.PostAsync($"/api/tasks/{review}/unclaim").ShouldBeAsync(HttpStatusCode.Forbidden); // only the delegate holds it

        await delegateClient.CompleteAsync(review, "SendBack", ValidReview).ShouldBeAsync(HttpStatusCode.BadRequest);
        await delegateClient.CompleteAsync(review, "SendBack", ValidReview, "Missing balance sheet").ShouldBeAsync(HttpStatusCode.NoContent);

        // Down SendBack: the rework task is assigned to the initiator.
        (await host.As("sales1", "sales").ListAsync()).Should().ContainSingle().Which.Str("title").Should().Be("Rework lease application LA-1");
        var history = (await owner.GetJsonAsync($"/api/tasks/{review}")).GetProperty("history").EnumerateArray().ToList();
        history.Select(h => h.Str("action")).Should().Equal("Created", "Claimed", "Delegated", "Completed");
        history[2].Str("details").Should().Be("uw3");
        history[3].Str("userName").Should().Be("uw3");
    }

    [Fact]
    public async Task Authorization_is_enforced_on_the_server()
    {
        var (host, _) = await StartLeaseAsync();
        await using var _ = host;
        (await host.Anonymous().GetAsync(new Uri("/api/tasks", UriKind.Relative), Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await host.As("analyst", "analyst", "workflows:read").GetAsync(new Uri("/api/tasks", UriKind.Relative), Ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var reviewer = host.As("uw2", "underwriter");
        var review = await SingleCandidateTaskAsync(reviewer, "Review");
        var outsider = host.As("accountant", "accountant");
        await outsider.ClaimAsync(review).ShouldBeAsync(HttpStatusCode.Forbidden);
        (await outsider.GetAsync(new Uri($"/api/tasks/{review}", UriKind.Relative), Ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await reviewer.CompleteAsync(review, "Approve", ValidReview).ShouldBeAsync(HttpStatusCode.Forbidden); // claim first
        await reviewer.ClaimAsync(review).ShouldBeAsync(HttpStatusCode.NoContent);
        await host.As("uw3", "underwriter").ClaimAsync(review).ShouldBeAsync(HttpStatusCode.Conflict);
        await host.As("uw3", "underwriter").CompleteAsync(review, "Approve", ValidReview).ShouldBeAsync(HttpStatusCode.Forbidden);
        await host.As("uw3", "underwriter").PostAsync($"/api/tasks/{review}/unclaim").ShouldBeAsync(HttpStatusCode.Forbidden);
        await reviewer.PostAsync($"/api/tasks/{review}/unclaim").ShouldBeAsync(HttpStatusCode.NoContent);
        (await host.As("uw3", "underwriter").ListAsync("view=candidate")).Should().ContainSingle();
        await reviewer.ClaimAsync("nope").ShouldBeAsync(HttpStatusCode.NotFound);
        (await reviewer.GetAsync(new Uri("/api/tasks/nope", UriKind.Relative), Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await reviewer.GetAsync(new Uri("/api/tasks?view=everything", UriKind.Relative), Ct)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Escalation_after_a_short_timer_reassigns_to_the_role()
    {
        await using var host = await TasksHost.StartAsync(database.NewDatabase());
        var id = "esc-" + Guid.NewGuid().ToString("N")[..8];
        await host.PublishAsync(TaskFlows.SingleTask(id, $$"""
            "title": {{TaskFlows.Literal("String", "Check documents")}}, "assignee": {{TaskFlows.Literal("String", "uw2")}},
            "candidateRoles": {{TaskFlows.Literal("Object", "underwriter")}}, "escalateAfter": {{TaskFlows.Literal("String", "5s")}},
            "escalateTo": {{TaskFlows.Literal("String", "committee")}}
            """));
        await host.StartAsync(id);
        // The escalation must not win the race with this first look (first start and first request pay JIT on a busy box).
        (await host.As("uw2", "underwriter").ListAsync()).Should().ContainSingle();

        var escalated = await EventuallyAsync(async () =>
            (await host.As("committee1", "committee").ListAsync("view=candidate")).FirstOrDefault() is { ValueKind: JsonValueKind.Object } t ? (object)t : null,
            "the escalated task in the committee's candidate view");

        var task = (JsonElement)escalated;
        task.Str("status").Should().Be("Unassigned");
        (await host.As("uw2", "underwriter").ListAsync()).Should().BeEmpty();
        var committee = host.As("committee1", "committee");
        await committee.ClaimAsync(task.Id()).ShouldBeAsync(HttpStatusCode.NoContent);
        await committee.CompleteAsync(task.Id(), "Done").ShouldBeAsync(HttpStatusCode.NoContent);
        (await committee.GetJsonAsync($"/api/tasks/{task.Id()}")).GetProperty("history").EnumerateArray().Select(h => h.Str("action"))
            .Should().Equal("Created", "Escalated", "Claimed", "Completed");
    }

    [Fact]
    public async Task Escalation_can_take_the_Escalated_port()
    {
        await using var host = await TasksHost.StartAsync(database.NewDatabase());
        var id = "escp-" + Guid.NewGuid().ToString("N")[..8];
        await host.PublishAsync(TaskFlows.SingleTask(id, $$"""
            "title": {{TaskFlows.Literal("String", "Answer customer")}}, "candidateRoles": {{TaskFlows.Literal("Object", "sales")}},
            "escalateAfter": {{TaskFlows.Literal("String", "PT1S")}}, "takeEscalatedPort": {{TaskFlows.Literal("Boolean", "true")}}
            """));
        var run = await host.StartAsync(id);

        await EventuallyAsync(async () => (await host.Instances.LoadAsync(run.InstanceId, Ct))!.State.Status == WorkflowStatus.Finished ? "done" : null,
            "the instance to finish down Escalated");
        var taskId = await SingleTaskIdAsync(host, run.InstanceId);
        (await host.As("sales1", "sales").ListAsync("view=candidate")).Should().BeEmpty();
        var journal = await host.Logs.ListJournalAsync(run.InstanceId, cancellationToken: Ct);
        journal.Select(j => j.ActivityId).Should().Contain("after-escalated").And.NotContain("after-done");
        await using var db = host.Tasks.CreateDbContext();
        db.Tasks.Single(t => t.Id == taskId).Status.Should().Be("Escalated");
    }

    private static async Task<string> SingleTaskIdAsync(TasksHost host, string instanceId)
    {
        await using var db = host.Tasks.CreateDbContext();
        return db.Tasks.Single(t => t.InstanceId == instanceId).Id;
    }

    [Fact]
    public async Task Cancelling_the_instance_cancels_its_open_tasks()
    {
        var (host, instanceId) = await StartLeaseAsync();
        await using var _ = host;
        var reviewer = host.As("uw2", "underwriter");
        var review = await SingleCandidateTaskAsync(reviewer, "Review");

        await host.Runtime.CancelAsync(instanceId, Ct);

        (await reviewer.ListAsync("view=candidate")).Should().BeEmpty();
        await reviewer.ClaimAsync(review).ShouldBeAsync(HttpStatusCode.Conflict);
        await using var db = host.Tasks.CreateDbContext();
        db.Tasks.Single(t => t.Id == review).Status.Should().Be("Cancelled");
    }

    [Fact]
    public async Task Lists_filter_sort_page_and_count()
    {
        await using var host = await TasksHost.StartAsync(database.NewDatabase());
        await host.PublishAsync(TaskFlows.LeaseApproval);
        foreach (var (key, lessee, amount) in new[] { ("LA-10", "Acme GmbH", 20000m), ("LA-11", "Beta AG", 250000m), ("LA-12", "Acme GmbH", 90000m) })
        {
            await host.StartAsync("lease-approval", new Dictionary<string, object?>
            {
                ["ApplicationNo"] = key, ["Lessee"] = lessee, ["Amount"] = amount, ["Initiator"] = "sales1",
            }, businessKey: key);
        }

        var uw = host.As("uw2", "underwriter");
        (await uw.ListAsync("view=candidate")).Should().HaveCount(3);
        (await uw.ListAsync("view=candidate&businessKey=LA-11")).Should().ContainSingle().Which.Str("title").Should().EndWith("LA-11");
        (await uw.ListAsync("view=candidate&variable=Lessee:Acme%20GmbH")).Select(t => t.Str("businessKey")).Should().BeEquivalentTo("LA-10", "LA-12");
        (await uw.ListAsync("view=candidate&q=beta")).Should().ContainSingle().Which.Str("businessKey").Should().Be("LA-11");
        (await uw.ListAsync("view=candidate&priority=80")).Should().ContainSingle().Which.Str("businessKey").Should().Be("LA-11");
        (await uw.ListAsync("view=candidate&definition=lease-approval&status=Unassigned")).Should().HaveCount(3);
        (await uw.ListAsync("view=candidate&overdue=true")).Should().BeEmpty();
        (await uw.ListAsync($"view=candidate&dueBefore={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(3).ToString("O"))}")).Should().HaveCount(3);
        (await uw.ListAsync("view=candidate&sort=-title")).Select(t => t.Str("businessKey")).Should().Equal("LA-12", "LA-11", "LA-10");
        (await uw.ListAsync("view=candidate")).First().Str("businessKey").Should().Be("LA-11", "the default order is by priority");

        var page = await uw.GetJsonAsync("/api/tasks?view=candidate&sort=title&page=1&pageSize=2");
        page.GetProperty("totalCount").GetInt32().Should().Be(3);
        page.GetProperty("items").EnumerateArray().Should().ContainSingle().Which.Str("businessKey").Should().Be("LA-12");

        await uw.ClaimAsync((await uw.ListAsync("view=candidate&businessKey=LA-10"))[0].Id()).ShouldBeAsync(HttpStatusCode.NoContent);
        var counts = await uw.GetJsonAsync("/api/tasks/counts");
        counts.GetProperty("mine").GetInt32().Should().Be(1);
        counts.GetProperty("candidate").GetInt32().Should().Be(2);
        (await uw.ListAsync("view=involved")).Should().ContainSingle();
        (await host.As("sales1", "underwriter").ListAsync("view=candidate")).Should().BeEmpty("the initiator is excluded everywhere");
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteInboxApiTests(SqliteTestDatabase database) : InboxApiTests<SqliteTestDatabase>(database);

/// <summary>On PostgreSQL (skipped without ERP_TEST_POSTGRES; failing under CI=true).</summary>
public sealed class PostgresInboxApiTests(PostgresTestDatabase database) : InboxApiTests<PostgresTestDatabase>(database);

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace LowCodeErp.Workflows.Api.Tests.StudioRoutes;

/// <summary>What the added Studio routes do beyond their shape: variables, version delete, executions, dispatch, delete.</summary>
public sealed class StudioRouteBehaviourTests(StudioScenario scenario) : IClassFixture<StudioScenario>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => scenario.Server.CreateClient();

    [Fact]
    public async Task Variables_Should_ShowTheInitialValue_And_TakeAnUpdate()
    {
        var instance = await scenario.ResolveAsync("{fresh-instance}");

        var before = await scenario.Server.GetJsonAsync($"/elsa/api/workflow-instances/{instance}/variables");
        var update = await Client.PostAsJsonAsync($"/elsa/api/workflow-instances/{instance}/variables", new { variables = new[] { new { id = "Amount", value = 42 } } }, Ct);
        var unknown = await Client.PostAsJsonAsync($"/elsa/api/workflow-instances/{instance}/variables", new { variables = new[] { new { id = "nope", value = 1 } } }, Ct);
        var after = await scenario.Server.GetJsonAsync($"/elsa/api/workflow-instances/{instance}/variables");

        before["items"]![0]!["name"]!.ToString().Should().Be("Amount");
        before["items"]![0]!["value"]!.GetValue<int>().Should().Be(5);
        update.StatusCode.Should().Be(HttpStatusCode.OK);
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        after["items"]![0]!["value"]!.GetValue<int>().Should().Be(42);
        (await Client.GetAsync("/elsa/api/workflow-instances/nope/variables", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Save_Should_GiveEveryActivityTheNodeIdStudiosDesignerIndexesBy()
    {
        // Studio's "create workflow" dialog sends a root without nodeId; the designer crashes on a null one.
        var body = JsonNode.Parse("""
            {"model":{"definitionId":null,"name":"Node ids","root":{"id":"fc","type":"Elsa.Flowchart","version":1,
              "activities":[{"id":"say","type":"Elsa.WriteLine","version":1}],"connections":[]}},"publish":false}
            """);
        var saved = await (await Client.PostAsJsonAsync("/elsa/api/workflow-definitions", body, Ct)).Content.ReadFromJsonAsync<JsonNode>(Ct);
        var definitionId = saved!["workflowDefinition"]!["definitionId"]!.ToString();
        var read = await scenario.Server.GetJsonAsync($"/elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Latest");

        foreach (var root in new[] { saved["workflowDefinition"]!["root"]!, read["root"]! })
        {
            root["nodeId"]!.ToString().Should().Be("Workflow1:fc");
            root["activities"]![0]!["nodeId"]!.ToString().Should().Be("Workflow1:fc:say");
        }
    }

    [Fact]
    public async Task DeleteVersion_Should_RefuseThePublishedVersion()
    {
        var response = await Client.DeleteAsync($"/elsa/api/workflow-definition-versions/{scenario.VersionId}", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await scenario.Server.GetJsonAsync($"/elsa/api/workflow-definitions/by-id/{scenario.VersionId}"))["isPublished"]!.GetValue<bool>().Should().BeTrue();
        (await Client.DeleteAsync("/elsa/api/workflow-definition-versions/nope", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ActivityExecutions_Should_ComeFromTheJournal()
    {
        var list = await scenario.Server.GetJsonAsync($"/elsa/api/activity-execution-summaries/list?workflowInstanceId={scenario.InstanceId}");
        var byNode = list["items"]!.AsArray().ToDictionary(i => (string)i!["activityId"]!);
        var record = await scenario.Server.GetJsonAsync($"/elsa/api/activity-executions/by-id?id={scenario.ExecutionId}");

        byNode["start"]!["status"]!.ToString().Should().Be("Completed");
        byNode["start"]!["completedAt"].Should().NotBeNull();
        byNode["wait"]!["status"]!.ToString().Should().Be("Running");
        byNode["wait"]!["hasBookmarks"]!.GetValue<bool>().Should().BeTrue();
        byNode.Should().NotContainKey("done");
        record["activityId"]!.ToString().Should().Be("wait");
        (await Client.GetAsync("/elsa/api/activity-executions/by-id?id=nope", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Dispatch_Should_AnswerAtOnce_And_TheInstanceRunsInTheBackground()
    {
        var response = await Client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{StudioScenario.DefinitionId}/dispatch", new { correlationId = "dispatched" }, Ct);
        var instanceId = (string)(await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["workflowInstanceId"]!;

        (await SubStatusEventuallyAsync(instanceId, "Suspended")).Should().Be("Suspended", "the flow waits on its Event");
        (await Client.PostAsJsonAsync("/elsa/api/workflow-definitions/nope/dispatch", new { }, Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AsynchronousEventTrigger_Should_AnswerAccepted_And_ResumeTheWaitingInstanceInTheBackground()
    {
        var correlationId = "async-" + Guid.NewGuid().ToString("N")[..8];
        var dispatched = await Client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{StudioScenario.DefinitionId}/dispatch", new { correlationId }, Ct);
        var instanceId = (string)(await dispatched.Content.ReadFromJsonAsync<JsonNode>(Ct))!["workflowInstanceId"]!;
        (await SubStatusEventuallyAsync(instanceId, "Suspended")).Should().Be("Suspended");

        var triggered = await Client.PostAsJsonAsync("/elsa/api/events/Go/trigger", new { correlationId, workflowExecutionMode = "Asynchronous" }, Ct);
        var invalid = await Client.PostAsJsonAsync("/elsa/api/events/Go/trigger", new { correlationId, workflowExecutionMode = "Sometimes" }, Ct);

        triggered.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await SubStatusEventuallyAsync(instanceId, "Finished")).Should().Be("Finished");
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!["workflowExecutionMode"].Should().NotBeNull();
    }

    /// <summary>
    /// Polls the instance until its sub-status is <paramref name="wanted"/> or 60 s pass (the run happens on the bus in
    /// the background, which a loaded CI machine can delay for seconds); returns the last one seen.
    /// </summary>
    private async Task<string?> SubStatusEventuallyAsync(string instanceId, string wanted)
    {
        string? subStatus = null;
        for (var clock = Stopwatch.StartNew(); subStatus != wanted && clock.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(50, Ct))
        {
            var state = await Client.GetAsync($"/elsa/api/workflow-instances/{instanceId}/execution-state", Ct);
            subStatus = state.IsSuccessStatusCode ? (string?)(await state.Content.ReadFromJsonAsync<JsonNode>(Ct))!["subStatus"] : null;
        }

        return subStatus;
    }

    [Fact]
    public async Task DeletedInstance_Should_BeGone_And_NotResumeOnItsEvent()
    {
        var instance = await scenario.ResolveAsync("{fresh-instance}");

        (await Client.DeleteAsync($"/elsa/api/workflow-instances/{instance}", Ct)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Client.GetAsync($"/elsa/api/workflow-instances/{instance}", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.DeleteAsync($"/elsa/api/workflow-instances/{instance}", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var bulk = await Client.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-instances", new { ids = new[] { instance } }, Ct);
        (await bulk.Content.ReadFromJsonAsync<JsonNode>(Ct))!["deleted"]!.GetValue<int>().Should().Be(0);
    }
}

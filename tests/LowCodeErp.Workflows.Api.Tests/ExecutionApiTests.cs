using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.Workflows.Api.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Api.Tests;

/// <summary>Execute answers like Elsa (header + workflowState) and the instance is then visible in the instance routes.</summary>
public sealed class ExecutionApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Execute_Should_ReturnTheInstanceHeader_And_FinishTheInstance()
    {
        var client = server.CreateClient();

        var response = await client.PostAsync("/elsa/api/workflow-definitions/hello-world/execute", null, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var instanceId = response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var body = await response.Content.ReadFromJsonAsync<JsonNode>(Ct);
        body!["workflowState"]!["id"]!.ToString().Should().Be(instanceId);
        var instance = await server.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}");
        instance["status"]!.ToString().Should().Be("Finished");
        instance["subStatus"]!.ToString().Should().Be("Finished");
        instance["definitionId"]!.ToString().Should().Be("hello-world");
        var state = await server.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}/execution-state");
        state["workflowSubStatus"]!.ToString().Should().Be("Finished");
    }

    [Fact]
    public async Task Execute_Should_AcceptInputAndCorrelation_FromBodyOrQuery()
    {
        var client = server.CreateClient();

        var posted = await client.PostAsJsonAsync("/elsa/api/workflow-definitions/hello-world/execute",
            new { correlationId = "order-42", versionOptions = "Latest", input = new { Name = "Ada" } }, Ct);
        var got = await client.GetAsync("/elsa/api/workflow-definitions/hello-world/execute?input=%7B%22Name%22%3A%22Bob%22%7D", Ct);

        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        got.StatusCode.Should().Be(HttpStatusCode.OK);
        got.Headers.Contains("x-elsa-workflow-instance-id").Should().BeTrue();
        var state = (await posted.Content.ReadFromJsonAsync<JsonNode>(Ct))!["workflowState"]!;
        state["correlationId"]!.ToString().Should().Be("order-42");
        state["input"]!["Name"]!.ToString().Should().Be("Ada");
    }

    [Fact]
    public async Task InstanceList_Should_FilterAndPageFromZero()
    {
        var client = server.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/elsa/api/workflow-definitions/hello-world/execute", new { correlationId = "paging" }, Ct)).EnsureSuccessStatusCode();
        }

        var page0 = await ListAsync(client, new { page = 0, pageSize = 2, correlationId = "paging", statuses = new[] { "Finished" }, orderDirection = "Descending" });
        var page1 = await ListAsync(client, new { page = 1, pageSize = 2, correlationId = "paging" });
        var byQuery = await server.GetJsonAsync("/elsa/api/workflow-instances?correlationId=paging&page=0&pageSize=10");
        var badStatus = await client.PostAsJsonAsync("/elsa/api/workflow-instances", new { status = "Sleeping" }, Ct);

        page0["totalCount"]!.GetValue<int>().Should().Be(3);
        page0["items"]!.AsArray().Should().HaveCount(2);
        page1["items"]!.AsArray().Should().HaveCount(1);
        byQuery["items"]!.AsArray().Should().HaveCount(3);
        page0["items"]![0]!["status"]!.ToString().Should().Be("Finished");
        badStatus.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badStatus.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!["status"].Should().NotBeNull();
    }

    [Fact]
    public async Task Cancel_Should_CancelASuspendedInstance()
    {
        var client = server.CreateClient();
        var model = JsonNode.Parse("""
            { "definitionId": "wait-for-go", "name": "Wait for go", "root": { "id": "fc", "type": "Elsa.Flowchart", "activities": [
                { "id": "wait", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "Go" } } } ] } }
            """);
        (await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = true }, Ct)).EnsureSuccessStatusCode();
        var execute = await client.PostAsync("/elsa/api/workflow-definitions/wait-for-go/execute", null, Ct);
        var instanceId = execute.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        (await server.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}"))["subStatus"]!.ToString().Should().Be("Suspended");

        var cancel = await client.PostAsync($"/elsa/api/cancel/workflow-instances/{instanceId}", null, Ct);

        cancel.StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}"))["subStatus"]!.ToString().Should().Be("Cancelled");
    }

    [Fact]
    public async Task Journal_And_Report_Should_DescribeTheRun()
    {
        var client = server.CreateClient();
        var execute = await client.PostAsync("/elsa/api/workflow-definitions/hello-world/execute", null, Ct);
        var instanceId = execute.Headers.GetValues("x-elsa-workflow-instance-id").Single();

        var journal = await server.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}/journal");
        var filtered = await client.PostAsJsonAsync($"/elsa/api/workflow-instances/{instanceId}/journal?skip=0&take=1",
            new { filter = new { eventNames = new[] { "Completed" } } }, Ct);
        var report = await client.PostAsJsonAsync("/elsa/api/activity-executions/report", new { workflowInstanceId = instanceId, activityNodeIds = Array.Empty<string>() }, Ct);

        journal["items"]!.AsArray().Select(i => (string)i!["eventName"]!).Should().Contain(["Started", "Completed"]);
        journal["totalCount"]!.GetValue<int>().Should().Be(journal["items"]!.AsArray().Count);
        var page = (await filtered.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        page["items"]!.AsArray().Should().ContainSingle().Which!["eventName"]!.ToString().Should().Be("Completed");
        var stats = (await report.Content.ReadFromJsonAsync<JsonNode>(Ct))!["stats"]!.AsArray();
        stats.Should().Contain(s => (string)s!["activityId"]! == "greet" && s["completedCount"]!.GetValue<int>() == 1 && !s["isFaulted"]!.GetValue<bool>());
    }

    private static async Task<JsonNode> ListAsync(HttpClient client, object filter)
    {
        var response = await client.PostAsJsonAsync("/elsa/api/workflow-instances", filter, Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
    }
}

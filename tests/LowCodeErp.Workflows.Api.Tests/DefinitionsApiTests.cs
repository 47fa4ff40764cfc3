using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.Workflows.Api.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Api.Tests;

/// <summary>Reading definitions: the imported folder, links that unlock Studio, 0-based paging, 404s.</summary>
public sealed class DefinitionsApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task List_Should_ShowImportedFiles_And_SkipInvalidOnes()
    {
        var list = await server.GetJsonAsync("/elsa/api/workflow-definitions?versionOptions=Latest&Page=0&PageSize=10&SearchTerm=&IsSystem=False&OrderDirection=Ascending");

        var ids = list["items"]!.AsArray().Select(i => (string)i!["definitionId"]!).ToList();
        ids.Should().Contain(["hello-world", "order-size-check"]).And.NotContain("broken");
        list["totalCount"]!.GetValue<int>().Should().Be(ids.Count);
        list["links"]!.AsArray().Select(l => (string)l!["rel"]!).Should().Contain("bulk-publish");
        var hello = list["items"]!.AsArray().Single(i => (string)i!["definitionId"]! == "hello-world")!;
        hello["isPublished"]!.GetValue<bool>().Should().BeTrue();
        hello["links"]!.AsArray().Select(l => (string)l!["rel"]!).Should().Contain("publish");
    }

    [Fact]
    public async Task List_Should_PageFromZero()
    {
        var all = (await server.GetJsonAsync("/elsa/api/workflow-definitions"))["items"]!.AsArray();
        var first = await server.GetJsonAsync("/elsa/api/workflow-definitions?page=0&pageSize=1");
        var second = await server.GetJsonAsync("/elsa/api/workflow-definitions?page=1&pageSize=1");

        all.Count.Should().BeGreaterThanOrEqualTo(2);
        first["items"]!.AsArray().Single()!["id"]!.ToString().Should().Be(all[0]!["id"]!.ToString());
        second["items"]!.AsArray().Single()!["id"]!.ToString().Should().Be(all[1]!["id"]!.ToString());
        first["totalCount"]!.GetValue<int>().Should().Be(all.Count);
    }

    [Fact]
    public async Task GetByDefinitionId_Should_ReturnTheElsaModel()
    {
        var model = await server.GetJsonAsync("/elsa/api/workflow-definitions/by-definition-id/hello-world?versionOptions=Latest");

        model["definitionId"]!.ToString().Should().Be("hello-world");
        model["root"]!["type"]!.ToString().Should().Be("Elsa.Flowchart");
        model["isLatest"]!.GetValue<bool>().Should().BeTrue();
        model["links"]!.AsArray().Select(l => (string)l!["rel"]!).Should().Contain("publish");
        var byId = await server.GetJsonAsync($"/elsa/api/workflow-definitions/by-id/{model["id"]}");
        byId["definitionId"]!.ToString().Should().Be("hello-world");
    }

    [Theory]
    [InlineData("GET", "/elsa/api/workflow-definitions/by-definition-id/nope")]
    [InlineData("GET", "/elsa/api/workflow-definitions/by-id/nope")]
    [InlineData("GET", "/elsa/api/workflow-definitions/nope/versions")]
    [InlineData("GET", "/elsa/api/workflow-definitions/nope/export")]
    [InlineData("POST", "/elsa/api/workflow-definitions/nope/publish")]
    [InlineData("POST", "/elsa/api/workflow-definitions/nope/retract")]
    [InlineData("POST", "/elsa/api/workflow-definitions/nope/execute")]
    [InlineData("DELETE", "/elsa/api/workflow-definitions/nope")]
    [InlineData("GET", "/elsa/api/workflow-instances/nope")]
    [InlineData("GET", "/elsa/api/workflow-instances/nope/execution-state")]
    [InlineData("POST", "/elsa/api/cancel/workflow-instances/nope")]
    [InlineData("GET", "/elsa/api/features/installed/Elsa.RealTimeWorkflowUpdates")]
    public async Task UnknownId_Should_Return404(string method, string path)
    {
        var response = await server.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IsNameUnique_And_Count_Should_Answer()
    {
        (await server.GetJsonAsync("/elsa/api/workflow-definitions/validation/is-name-unique?name=Hello%20world"))["isUnique"]!.GetValue<bool>().Should().BeFalse();
        (await server.GetJsonAsync("/elsa/api/workflow-definitions/validation/is-name-unique?name=Workflow%201"))["isUnique"]!.GetValue<bool>().Should().BeTrue();
        (await server.GetJsonAsync("/elsa/api/workflow-definitions/query/count"))["count"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(2);
    }
}

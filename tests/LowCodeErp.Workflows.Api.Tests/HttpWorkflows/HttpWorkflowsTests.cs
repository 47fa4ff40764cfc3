using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace LowCodeErp.Workflows.Api.Tests.HttpWorkflows;

/// <summary><c>/workflows/{path}</c>: a request starts the published HttpEndpoint flow and gets what WriteHttpResponse wrote.</summary>
public sealed class HttpWorkflowsTests(HttpWorkflowsFixture fixture) : IClassFixture<HttpWorkflowsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_Should_RunTheShippedHelloFlow_And_ReturnItsTextResponse()
    {
        var client = fixture.Server.CreateClient();

        var response = await client.GetAsync("/workflows/hello?name=Grace", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        (await response.Content.ReadAsStringAsync(Ct)).Should().Contain("Grace");
    }

    [Fact]
    public async Task Post_Should_HandTheJsonBodyToParsedContent()
    {
        var client = fixture.Server.CreateClient();

        var response = await client.PostAsJsonAsync("/workflows/orders", new { id = "SO-17", lines = new[] { 1, 2, 3 } }, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.GetValues("x-flow").Should().Equal("echo");
        var body = await response.Content.ReadFromJsonAsync<JsonNode>(Ct);
        body!["received"]!.ToString().Should().Be("SO-17");
        body["lines"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task Request_Should_Return404_WhenNoEndpointMatchesThePathOrMethod()
    {
        var client = fixture.Server.CreateClient();

        var unknownPath = await client.GetAsync("/workflows/no-such-flow", Ct);
        var wrongMethod = await client.DeleteAsync("/workflows/hello", Ct);

        unknownPath.StatusCode.Should().Be(HttpStatusCode.NotFound);
        wrongMethod.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Request_Should_ResumeTheInstanceWaitingOnTheEndpoint_AndAnswerFromIt()
    {
        var client = fixture.Server.CreateClient();
        var started = await client.PostAsync("/elsa/api/workflow-definitions/http-approve/execute", null, Ct);
        var instanceId = started.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        (await fixture.Server.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}"))["subStatus"]!.ToString().Should().Be("Suspended");

        var response = await client.PostAsync("/workflows/approve", null, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).Should().Be("approved " + instanceId);
        (await fixture.Server.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}"))["subStatus"]!.ToString().Should().Be("Finished");
        (await client.PostAsync("/workflows/approve", null, Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the bookmark was burnt");
    }
}

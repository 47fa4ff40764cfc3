using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.ServiceDefaults.Auth;

namespace LowCodeErp.Workflows.Api.Tests.StudioRoutes;

/// <summary>
/// Studio routes for Elsa features this engine lacks answer with the neutral shape Studio expects (it shows a full-page
/// error on any failure), and "Cancel … apply to all matches" (alterations/submit) really cancels what the filter selects.
/// </summary>
public sealed class CompatibilityRouteTests(StudioScenario scenario) : IClassFixture<StudioScenario>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => scenario.Server.CreateClient();

    [Theory]
    [InlineData("/resilience/retries/{execution}", "items,totalCount")]
    [InlineData("/resilience/strategies?category=Activity", "items,count")]
    [InlineData("/workflow-contexts/provider-descriptors", "items,count")]
    public async Task NeutralList_Should_BeEmpty(string route, string keys)
    {
        var json = await scenario.Server.GetJsonAsync("/elsa/api" + await scenario.ResolveAsync(route));

        json.AsObject().Select(p => p.Key).Should().Contain(keys.Split(','));
        json["items"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task InputOptions_Should_BeTheInputsStaticSpecifications_And_404ForUnknownInputs()
    {
        var known = await Client.PostAsJsonAsync("/elsa/api/descriptors/activities/Elsa.WriteLine/options/Text", new { context = new { } }, Ct);
        var unknownProperty = await Client.PostAsJsonAsync("/elsa/api/descriptors/activities/Elsa.WriteLine/options/Nope", new { }, Ct);
        var unknownType = await Client.PostAsJsonAsync("/elsa/api/descriptors/activities/Elsa.Nope/options/Text", new { }, Ct);

        known.StatusCode.Should().Be(HttpStatusCode.OK);
        (await known.Content.ReadFromJsonAsync<JsonNode>(Ct))!["items"].Should().BeOfType<JsonObject>();
        unknownProperty.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknownType.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PathSegments_Should_BeNullForAKnownVersion_And_404ForAnUnknownOne()
    {
        var known = await Client.GetAsync($"/elsa/api/workflow-definitions/subgraph/segments/{scenario.VersionId}?childNodeId=Workflow1:fc:wait", Ct);

        known.StatusCode.Should().Be(HttpStatusCode.OK);
        (await known.Content.ReadAsStringAsync(Ct)).Should().Be("null");
        (await Client.GetAsync("/elsa/api/workflow-definitions/subgraph/segments/nope", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ActivityTest_Should_AnswerFaultedWithAMessage_And_404ForAnUnknownVersion()
    {
        var known = await Client.PostAsJsonAsync("/elsa/api/tests/activities", new
        {
            workflowDefinitionHandle = new { definitionVersionId = scenario.VersionId },
            activityHandle = new { activityNodeId = "Workflow1:fc:done" },
        }, Ct);
        var body = (await known.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        var missing = await Client.PostAsJsonAsync("/elsa/api/tests/activities", new { activityHandle = new { activityNodeId = "x" } }, Ct);

        known.StatusCode.Should().Be(HttpStatusCode.OK);
        body["status"]!.ToString().Should().Be("Faulted");
        body["exception"]!["message"]!.ToString().Should().Contain("not supported");
        body["activityState"].Should().BeOfType<JsonObject>();
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missing.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!["workflowDefinitionHandle.definitionVersionId"].Should().NotBeNull();
        (await Client.PostAsJsonAsync("/elsa/api/tests/activities", new { workflowDefinitionHandle = new { definitionVersionId = "nope" } }, Ct))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AlterationsSubmit_Should_CancelWhatTheFilterSelects_AndNothingElse()
    {
        var definitionId = "alter-" + Guid.NewGuid().ToString("N")[..8];
        await StudioFiles.SaveAsync(Client, StudioScenario.Model(definitionId), publish: true, Ct);
        var instances = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var started = await Client.PostAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", null, Ct);
            instances.Add(started.Headers.GetValues("x-elsa-workflow-instance-id").Single());
        }

        var response = await Client.PostAsJsonAsync("/elsa/api/alterations/submit", new
        {
            alterations = new[] { new { type = "Cancel" } },
            filter = new { emptyFilterSelectsAll = true, isSystem = false, searchTerm = "", definitionIds = new[] { definitionId }, statuses = new[] { "Running" } },
        }, Ct);
        var nothingSelected = await Client.PostAsJsonAsync("/elsa/api/alterations/submit", new { alterations = new[] { new { type = "Cancel" } }, filter = new { emptyFilterSelectsAll = false } }, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["planId"]!.ToString().Should().NotBeEmpty();
        nothingSelected.StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var id in instances)
        {
            (await scenario.Server.GetJsonAsync($"/elsa/api/workflow-instances/{id}/execution-state"))["subStatus"]!.ToString().Should().Be("Cancelled");
        }

        (await scenario.Server.GetJsonAsync($"/elsa/api/workflow-instances/{scenario.InstanceId}/execution-state"))["subStatus"]!.ToString()
            .Should().Be("Suspended", "an instance of another definition is not selected");
    }

    [Fact]
    public async Task AlterationsSubmit_Should_RefuseWhatItCannotApply_NamingTheField()
    {
        var response = await Client.PostAsJsonAsync("/elsa/api/alterations/submit", new
        {
            alterations = new[] { new { type = "Migrate" } },
            filter = new { timestampFilters = new[] { new { column = "CreatedAt", @operator = "GreaterThan", timestamp = DateTimeOffset.UtcNow } } },
        }, Ct);
        var errors = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!.AsObject();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        errors.Select(e => e.Key).Should().BeEquivalentTo("alterations[0].type", "filter.timestampFilters");
        var reader = scenario.Server.CreateClientFor(ErpPermissions.WorkflowsRead);
        (await reader.PostAsJsonAsync("/elsa/api/alterations/submit", new { alterations = new[] { new { type = "Cancel" } }, filter = new { } }, Ct))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}

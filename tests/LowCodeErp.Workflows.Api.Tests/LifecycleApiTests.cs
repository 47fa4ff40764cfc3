using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.Workflows.Api.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Api.Tests;

/// <summary>Save/publish/retract/versions/export/delete with Elsa's flags, as Studio drives them.</summary>
public sealed class LifecycleApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lifecycle_Should_FollowElsasVersioning_When_RoundTripped()
    {
        var client = server.CreateClient();
        // Arrange: a new workflow exactly as Studio's "create" dialog posts it.
        var created = await SaveAsync(client, new JsonObject
        {
            ["definitionId"] = null, ["name"] = "Round trip", ["links"] = null, ["id"] = null, ["version"] = 1, ["isPublished"] = false,
            ["root"] = new JsonObject { ["id"] = "fc1", ["type"] = "Elsa.Flowchart", ["version"] = 1, ["name"] = "Flowchart1" },
        }, publish: null);
        var definitionId = created["workflowDefinition"]!["definitionId"]!.ToString();
        created["alreadyPublished"]!.GetValue<bool>().Should().BeFalse();
        Flags(created["workflowDefinition"]!).Should().Be((1, true, false));

        // Act + Assert: publish, publish again, then a draft over the published version is version 2.
        var published = await (await client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/publish", new { }, Ct)).Content.ReadFromJsonAsync<JsonNode>(Ct);
        Flags(published!["workflowDefinition"]!).Should().Be((1, true, true));
        var again = await (await client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/publish", new { }, Ct)).Content.ReadFromJsonAsync<JsonNode>(Ct);
        again!["alreadyPublished"]!.GetValue<bool>().Should().BeTrue();
        var edited = published["workflowDefinition"]!.DeepClone().AsObject();
        edited["name"] = "Round trip v2";
        var draft = await SaveAsync(client, edited, publish: false);
        Flags(draft["workflowDefinition"]!).Should().Be((2, true, false));
        Flags(await server.GetJsonAsync($"/elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published")).Should().Be((1, false, true));
        (await server.GetJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/versions"))["items"]!.AsArray().Should().HaveCount(2);

        // Retract the published version 1; a second retract is a 400 naming the field.
        var retract = await client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/retract", new { }, Ct);
        retract.StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var retractAgain = await client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/retract", new { }, Ct);
        retractAgain.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await retractAgain.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!["definitionId"].Should().NotBeNull();

        // Delete removes every version.
        (await client.DeleteAsync($"/elsa/api/workflow-definitions/{definitionId}", Ct)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{definitionId}", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Save_Should_Return400NamingTheJsonPath_And_WriteNothing_When_Invalid()
    {
        var client = server.CreateClient();
        var model = JsonNode.Parse("""
            { "definitionId": "invalid-save", "name": "Invalid", "root": { "id": "fc", "type": "Elsa.Flowchart",
              "activities": [ { "id": "a", "type": "Elsa.WriteLine" } ],
              "connections": [ { "source": { "activity": "a", "port": "Done" }, "target": { "activity": "ghost", "port": "In" } } ] } }
            """);

        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = true }, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonNode>(Ct);
        problem!["errors"]!.AsObject().Select(e => e.Key).Should().Contain("$.model.root.connections[0].target.activity");
        (await client.GetAsync("/elsa/api/workflow-definitions/by-definition-id/invalid-save?versionOptions=Latest", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.GetJsonAsync("/elsa/api/workflow-definitions?versionOptions=AllVersions&definitionIds=invalid-save"))["totalCount"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task SaveDraft_Should_StoreAnIncompleteDefinition_And_ReportItsProblems()
    {
        var client = server.CreateClient();
        var model = JsonNode.Parse("""
            { "definitionId": "incomplete-draft", "name": "Incomplete", "root": { "id": "fc", "type": "Elsa.Flowchart",
              "activities": [ { "id": "wait", "type": "Elsa.Event" } ], "connections": [] } }
            """);

        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = false }, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonNode>(Ct);
        body!["validationErrors"]!.AsArray().Select(e => e!.GetValue<string>())
            .Should().ContainSingle(e => e.Contains("required input 'EventName' is missing", StringComparison.Ordinal));
        (await client.GetAsync("/elsa/api/workflow-definitions/by-definition-id/incomplete-draft?versionOptions=Latest", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);

        var publish = await client.PostAsync("/elsa/api/workflow-definitions/incomplete-draft/publish", null, Ct);
        publish.StatusCode.Should().Be(HttpStatusCode.BadRequest, "an incomplete definition must not be published");
    }

    [Fact]
    public async Task Save_Should_Return400_When_ModelIsMissing()
    {
        var response = await server.CreateClient().PostAsJsonAsync("/elsa/api/workflow-definitions", new { publish = false }, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!["$.model"].Should().NotBeNull();
    }

    [Fact]
    public async Task Export_Then_Import_Should_RoundTripTheFile()
    {
        var client = server.CreateClient();

        var export = await client.GetAsync("/elsa/api/workflow-definitions/hello-world/export", Ct);

        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentDisposition!.FileName.Should().Contain("hello-world.json");
        var file = JsonNode.Parse(await export.Content.ReadAsStringAsync(Ct))!.AsObject();
        file.First().Key.Should().Be("$schema");
        file["definitionId"] = "hello-copy";
        file["id"] = null;
        var imported = await client.PostAsJsonAsync("/elsa/api/workflow-definitions/import", file, Ct);
        imported.StatusCode.Should().Be(HttpStatusCode.OK);
        Flags((await imported.Content.ReadFromJsonAsync<JsonNode>(Ct))!).Should().Be((1, true, true));
    }

    [Fact]
    public async Task Concurrent_drafts_over_a_published_version_Should_MakeOneVersion_And_AnswerLosersWith409()
    {
        var client = server.CreateClient();
        var definitionId = "race-" + Guid.NewGuid().ToString("N")[..8];
        JsonObject Model(string name) => new()
        {
            ["definitionId"] = definitionId, ["name"] = name,
            ["root"] = new JsonObject { ["id"] = "fc1", ["type"] = "Elsa.Flowchart", ["version"] = 1, ["name"] = "Flowchart1" },
        };
        await SaveAsync(client, Model("v1"), publish: true);

        // Every save reads "latest is published" and wants version 2; the unique index lets one of them have it.
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            server.CreateClient().PostAsJsonAsync("/elsa/api/workflow-definitions", new JsonObject { ["model"] = Model($"draft {i}"), ["publish"] = false }, Ct)));

        responses.Select(r => r.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        foreach (var lost in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            (await lost.Content.ReadFromJsonAsync<JsonNode>(Ct))!["detail"]!.ToString().Should().Contain(definitionId);
        }

        var versions = (await server.GetJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/versions"))["items"]!.AsArray();
        versions.Select(v => Flags(v!)).Should().BeEquivalentTo([(1, false, true), (2, true, false)]);
    }

    private static async Task<JsonNode> SaveAsync(HttpClient client, JsonNode model, bool? publish)
    {
        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = publish }, Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
    }

    private static (int Version, bool IsLatest, bool IsPublished) Flags(JsonNode model) =>
        (model["version"]!.GetValue<int>(), model["isLatest"]!.GetValue<bool>(), model["isPublished"]!.GetValue<bool>());
}

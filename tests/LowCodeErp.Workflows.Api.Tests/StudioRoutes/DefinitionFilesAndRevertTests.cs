using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.ServiceDefaults.Auth;

namespace LowCodeErp.Workflows.Api.Tests.StudioRoutes;

/// <summary>Revert of a version, import of definition files and the ZIP export of Studio's definition list.</summary>
public sealed class DefinitionFilesAndRevertTests(StudioScenario scenario) : IClassFixture<StudioScenario>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => scenario.Server.CreateClient();

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Revert_Should_CopyTheVersionIntoANewLatestDraft_And_KeepTheOthers()
    {
        var id = NewId("revert");
        await StudioFiles.SaveAsync(Client, StudioScenario.Model(id), publish: true, Ct);
        var edited = StudioScenario.Model(id);
        edited["name"] = "edited draft";
        await StudioFiles.SaveAsync(Client, edited, publish: false, Ct);

        var response = await Client.PostAsync($"/elsa/api/workflow-definitions/{id}/revert/1", null, Ct);
        var summary = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().EndWith($"workflow-definitions/by-id/{summary["id"]}");
        ((int)summary["version"]!, (bool)summary["isLatest"]!, (bool)summary["isPublished"]!, (string?)summary["name"]).Should().Be((3, true, false, id));
        var versions = (await scenario.Server.GetJsonAsync($"/elsa/api/workflow-definitions/{id}/versions"))["items"]!.AsArray()
            .ToDictionary(v => (int)v!["version"]!, v => ((bool)v!["isLatest"]!, (bool)v["isPublished"]!, (string?)v["name"]));
        versions.Should().BeEquivalentTo(new Dictionary<int, (bool, bool, string?)> { [1] = (false, true, id), [2] = (false, false, "edited draft"), [3] = (true, false, id) });
        var latest = await scenario.Server.GetJsonAsync($"/elsa/api/workflow-definitions/by-definition-id/{id}?versionOptions=Latest");
        latest["root"]!["activities"]!.AsArray().Should().HaveCount(3, "the reverted version carries version 1's document");
    }

    [Fact]
    public async Task Revert_Should_RefuseBadInput_UnknownIds_And_ReadersOnly()
    {
        var notANumber = await Client.PostAsync($"/elsa/api/workflow-definitions/{StudioScenario.DefinitionId}/revert/abc", null, Ct);

        notANumber.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await notANumber.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!["version"].Should().NotBeNull();
        (await Client.PostAsync($"/elsa/api/workflow-definitions/{StudioScenario.DefinitionId}/revert/99", null, Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.PostAsync("/elsa/api/workflow-definitions/nope/revert/1", null, Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var reader = scenario.Server.CreateClientFor(ErpPermissions.WorkflowsRead);
        (await reader.PostAsync($"/elsa/api/workflow-definitions/{StudioScenario.DefinitionId}/revert/1", null, Ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ImportFiles_Should_ImportJsonAndZipFilesAsDrafts_And_CountThem()
    {
        var (a, b, c) = (NewId("files"), NewId("files"), NewId("files"));

        var response = await Client.PostAsync("/elsa/api/workflow-definitions/import-files", StudioFiles.Upload(
            StudioFiles.Json("a.json", StudioScenario.Model(a)),
            StudioFiles.Zip("more.zip", ("b.json", StudioScenario.Model(b)), ("c.json", StudioScenario.Model(c)), ("readme.txt", JsonValue.Create("ignored")))), Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["count"]!.GetValue<int>().Should().Be(3);
        foreach (var id in new[] { a, b, c })
        {
            var imported = await scenario.Server.GetJsonAsync($"/elsa/api/workflow-definitions/by-definition-id/{id}?versionOptions=Latest");
            ((bool)imported["isPublished"]!).Should().BeFalse("import-files imports drafts, as Elsa's does");
        }
    }

    [Fact]
    public async Task ImportFiles_Should_WriteNothing_When_OneFileIsBad()
    {
        var good = NewId("good");

        var response = await Client.PostAsync("/elsa/api/workflow-definitions/import-files", StudioFiles.Upload(
            StudioFiles.Json("good.json", StudioScenario.Model(good)),
            ("bad.json", "{ not json"u8.ToArray(), "application/json"),
            StudioFiles.Zip("archive.zip", ("inner.json", JsonNode.Parse("[1, 2]")!))), Ct);
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain("bad.json").And.Contain(k => k.StartsWith("archive.zip/inner.json:", StringComparison.Ordinal));
        (await Client.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{good}", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var notMultipart = await Client.PostAsJsonAsync("/elsa/api/workflow-definitions/import-files", new { }, Ct);
        notMultipart.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await notMultipart.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!["files"].Should().NotBeNull();
        var reader = scenario.Server.CreateClientFor(ErpPermissions.WorkflowsRead);
        (await reader.PostAsync("/elsa/api/workflow-definitions/import-files", StudioFiles.Upload(StudioFiles.Json("a.json", StudioScenario.Model(NewId("r")))), Ct))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BulkExport_Should_ZipTheVersions_And_TheZipImportsBack()
    {
        var (a, b) = (NewId("zip"), NewId("zip"));
        var versionA = (string)(await StudioFiles.SaveAsync(Client, StudioScenario.Model(a), publish: true, Ct))["workflowDefinition"]!["id"]!;
        var versionB = (string)(await StudioFiles.SaveAsync(Client, StudioScenario.Model(b), publish: false, Ct))["workflowDefinition"]!["id"]!;

        var response = await Client.PostAsJsonAsync("/elsa/api/bulk-actions/export/workflow-definitions", new { ids = new[] { versionA, versionB, "nope" } }, Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var entries = StudioFiles.ReadZip(bytes);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        response.Content.Headers.ContentDisposition!.FileName.Should().Be("workflow-definitions.zip");
        entries.Keys.Should().BeEquivalentTo($"workflow-definition-{a}-{a}-{versionA}.json", $"workflow-definition-{b}-{b}-{versionB}.json");
        entries.Values.Select(e => (string)e["$schema"]!).Should().AllSatisfy(s => s.Should().Contain("workflow-definition/v3.0.0"));

        // Round trip: delete both, import the ZIP.
        await Client.PostAsJsonAsync("/elsa/api/bulk-actions/delete/workflow-definitions/by-definition-id", new { definitionIds = new[] { a, b } }, Ct);
        var imported = await Client.PostAsync("/elsa/api/workflow-definitions/import-files", StudioFiles.Upload(("workflow-definitions.zip", bytes, "application/zip")), Ct);
        (await imported.Content.ReadFromJsonAsync<JsonNode>(Ct))!["count"]!.GetValue<int>().Should().Be(2);
        (await Client.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{a}", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task BulkExport_Should_Answer400WithoutIds_And_404ForUnknownOnes()
    {
        var empty = await Client.PostAsJsonAsync("/elsa/api/bulk-actions/export/workflow-definitions", new { ids = Array.Empty<string>() }, Ct);

        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!["ids"].Should().NotBeNull();
        (await Client.PostAsJsonAsync("/elsa/api/bulk-actions/export/workflow-definitions", new { ids = new[] { "nope" } }, Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.ServiceDefaults.Auth;

namespace LowCodeErp.Workflows.Api.Tests.StudioRoutes;

/// <summary>Export of instances (one JSON or a ZIP) and their all-or-nothing import, as Studio's instance list drives them.</summary>
public sealed class InstanceTransferTests(StudioScenario scenario) : IClassFixture<StudioScenario>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => scenario.Server.CreateClient();

    [Fact]
    public async Task Export_Should_DownloadTheStateAndJournal_AsElsasExportedWorkflowState()
    {
        var response = await Client.GetAsync($"/elsa/api/workflow-instances/{scenario.InstanceId}/export", Ct);
        var file = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName.Should().Be($"workflow-instance-{scenario.InstanceId.ToLowerInvariant()}.json");
        file.AsObject().Select(p => p.Key).Should().Contain(["WorkflowState", "Bookmarks", "ActivityExecutionRecords", "WorkflowExecutionLogRecords"]);
        ((string)file["WorkflowState"]!["id"]!).Should().Be(scenario.InstanceId);
        file["WorkflowExecutionLogRecords"]!.AsArray().Should().NotBeEmpty();
        (await Client.GetAsync("/elsa/api/workflow-instances/nope/export", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BulkExport_Should_ZipSeveral_GiveOneAsJson_And_RefuseBadInput()
    {
        var (first, second) = (await scenario.ResolveAsync("{fresh-instance}"), await scenario.ResolveAsync("{fresh-instance}"));

        var several = await Client.PostAsJsonAsync("/elsa/api/bulk-actions/export/workflow-instances", new { ids = new[] { first, second, "nope" } }, Ct);
        var one = await Client.PostAsJsonAsync("/elsa/api/bulk-actions/export/workflow-instances", new { ids = new[] { first } }, Ct);
        var empty = await Client.PostAsJsonAsync("/elsa/api/bulk-actions/export/workflow-instances", new { ids = Array.Empty<string>() }, Ct);

        several.Content.Headers.ContentDisposition!.FileName.Should().Be("workflow-instances.zip");
        StudioFiles.ReadZip(await several.Content.ReadAsByteArrayAsync(Ct)).Keys.Should()
            .BeEquivalentTo($"workflow-instance-{first.ToLowerInvariant()}.json", $"workflow-instance-{second.ToLowerInvariant()}.json");
        one.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!["ids"].Should().NotBeNull();
        (await Client.PostAsJsonAsync("/elsa/api/bulk-actions/export/workflow-instances", new { ids = new[] { "nope" } }, Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_Should_RestoreAnExportedInstance_WhichThenResumesOnItsEvent()
    {
        // A definition of its own whose Event name no other test triggers.
        var (definitionId, eventName) = ("import-" + Guid.NewGuid().ToString("N")[..8], "Go-" + Guid.NewGuid().ToString("N")[..8]);
        var model = StudioScenario.Model(definitionId);
        model["root"]!["activities"]![1]!["eventName"]!["expression"]!["value"] = eventName;
        await StudioFiles.SaveAsync(Client, model, publish: true, Ct);
        var started = await Client.PostAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", null, Ct);
        var instanceId = started.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var exported = await (await Client.GetAsync($"/elsa/api/workflow-instances/{instanceId}/export", Ct)).Content.ReadAsByteArrayAsync(Ct);
        var journalBefore = (await scenario.Server.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}/journal"))["totalCount"]!.GetValue<int>();
        (await Client.DeleteAsync($"/elsa/api/workflow-instances/{instanceId}", Ct)).EnsureSuccessStatusCode();

        var response = await Client.PostAsync("/elsa/api/bulk-actions/import/workflow-instances", StudioFiles.Upload(("instance.json", exported, "application/json")), Ct);
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ((int)body["count"]!, (int)body["imported"]!).Should().Be((1, 1));
        (await scenario.Server.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}/execution-state"))["subStatus"]!.ToString().Should().Be("Suspended");
        (await scenario.Server.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}/journal"))["totalCount"]!.GetValue<int>().Should().Be(journalBefore);
        (await Client.PostAsJsonAsync($"/elsa/api/events/{eventName}/trigger", new { }, Ct)).EnsureSuccessStatusCode();
        (await scenario.Server.GetJsonAsync($"/elsa/api/workflow-instances/{instanceId}/execution-state"))["subStatus"]!.ToString()
            .Should().Be("Finished", "the imported bookmark rows let the event resume it");
    }

    [Fact]
    public async Task Import_Should_WriteNothing_When_OneFileIsBad()
    {
        var existing = await scenario.ResolveAsync("{fresh-instance}");
        var movable = await scenario.ResolveAsync("{fresh-instance}");
        var existingFile = JsonNode.Parse(await Client.GetStringAsync($"/elsa/api/workflow-instances/{existing}/export", Ct))!;
        var movableFile = JsonNode.Parse(await Client.GetStringAsync($"/elsa/api/workflow-instances/{movable}/export", Ct))!;
        var orphan = movableFile.DeepClone();
        orphan["WorkflowState"]!["id"] = "orphan-" + Guid.NewGuid().ToString("N")[..8];
        orphan["WorkflowState"]!["definitionVersionId"] = "no-such-version";
        (await Client.DeleteAsync($"/elsa/api/workflow-instances/{movable}", Ct)).EnsureSuccessStatusCode();

        var response = await Client.PostAsync("/elsa/api/bulk-actions/import/workflow-instances", StudioFiles.Upload(
            StudioFiles.Json("movable.json", movableFile),
            StudioFiles.Zip("bad.zip", ("existing.json", existingFile), ("orphan.json", orphan), ("empty.json", new JsonObject()))), Ct);
        var errors = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!.AsObject();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        errors.Select(e => e.Key).Should().BeEquivalentTo("bad.zip/existing.json", "bad.zip/orphan.json", "bad.zip/empty.json");
        errors["bad.zip/existing.json"]![0]!.ToString().Should().Contain("already exists");
        errors["bad.zip/orphan.json"]![0]!.ToString().Should().Contain("definitionVersionId");
        (await Client.GetAsync($"/elsa/api/workflow-instances/{movable}", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing is written when a file is bad");
        var reader = scenario.Server.CreateClientFor(ErpPermissions.WorkflowsRead);
        (await reader.PostAsync("/elsa/api/bulk-actions/import/workflow-instances", StudioFiles.Upload(StudioFiles.Json("m.json", movableFile)), Ct))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}

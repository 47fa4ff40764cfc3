using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.Workflows.Api.Tests.Infrastructure;
using LowCodeErp.Server.Startup;
using LowCodeErp.Workflows.Runtime.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Workflows.Api.Tests.HttpWorkflows;

/// <summary>With <c>Workflows:WatchFolder</c> a file written into <c>workflows/</c> is published shortly after; a broken edit is not.</summary>
public sealed class FolderWatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Watcher_Should_PublishANewFile_And_KeepTheLastGoodVersion_WhenAnEditIsInvalid()
    {
        await using var server = new ServerFactory();
        await using var watched = server.WithWebHostBuilder(b => b.UseSetting("Workflows:WatchFolder", "true"));
        var client = watched.CreateClient();
        var file = Path.Combine(server.WorkflowsFolder, "watched.json");

        await File.WriteAllTextAsync(file, Flow("Watched v1"), Ct);
        (await WaitForPublishedNameAsync(client, "Watched v1")).Should().BeTrue("the new file should be imported as published");

        await File.WriteAllTextAsync(file, """{ "definitionId": "watched", "root": { "id": "r", "type": "Elsa.Nope" } }""", Ct);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        (await PublishedAsync(client))!["name"]!.ToString().Should().Be("Watched v1", "an invalid edit is reported and skipped");

        await File.WriteAllTextAsync(file, Flow("Watched v2"), Ct);
        (await WaitForPublishedNameAsync(client, "Watched v2")).Should().BeTrue("the watcher keeps working after an invalid file");
    }

    [Fact]
    public async Task Watcher_Should_ImportAFileSavedAfterTheStartUpImport_ButBeforeItWatched()
    {
        await using var server = new ServerFactory();
        await using var unwatched = server.WithWebHostBuilder(b => b.UseSetting("Workflows:WatchFolder", "false"));
        var client = unwatched.CreateClient(); // started: the start-up import is done, and this server does not watch
        await File.WriteAllTextAsync(Path.Combine(server.WorkflowsFolder, "watched.json"), Flow("Saved during start-up"), Ct);
        var options = Options.Create(new WorkflowsStartupOptions { Folder = server.WorkflowsFolder, WatchFolder = true });
        using var watcher = new WorkflowsFolderWatcher(unwatched.Services.GetRequiredService<WorkflowFolderImporter>(), options,
            unwatched.Services.GetRequiredService<IHostEnvironment>(), NullLogger<WorkflowsFolderWatcher>.Instance);

        await watcher.StartAsync(Ct);
        try
        {
            // No file event follows the save: only the watcher's own import when it starts can publish it.
            (await WaitForPublishedNameAsync(client, "Saved during start-up")).Should().BeTrue();
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<bool> WaitForPublishedNameAsync(HttpClient client, string name)
    {
        for (var deadline = DateTime.UtcNow + Patience; DateTime.UtcNow < deadline; await Task.Delay(100, Ct))
        {
            if ((await PublishedAsync(client))?["name"]?.ToString() == name)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<JsonNode?> PublishedAsync(HttpClient client)
    {
        var response = await client.GetAsync("/elsa/api/workflow-definitions/by-definition-id/watched?versionOptions=Published", Ct);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonNode>(Ct) : null;
    }

    private static string Flow(string name) => $$"""
        {
          "id": "watched-{{Guid.NewGuid():N}}", "definitionId": "watched", "name": "{{name}}", "version": 1,
          "root": {
            "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [ { "id": "start", "type": "Elsa.Start", "version": 1 } ],
            "connections": []
          }
        }
        """;
}

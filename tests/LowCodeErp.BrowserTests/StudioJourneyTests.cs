using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using LowCodeErp.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace LowCodeErp.BrowserTests;

/// <summary>
/// An analyst's journey through the real Elsa Studio against the real server: the list shows the flows from
/// <c>workflows/</c>; a new flowchart is created in the dialog, a built-in and the sample plugin's activity dragged from the
/// toolbox onto the designer, given their inputs and connected; the flow is published and run; the instance viewer shows the executed path; the instance list shows
/// the run. Any console error or failed API call anywhere fails the test.
/// </summary>
public sealed class StudioJourneyTests
{
    private static readonly Regex DefinitionsUrl = new(@"/studio/definitions/[^/]+$");
    private static readonly Regex InstanceUrl = new(@"/studio/instances/[^/]+$");

    // The sample plugin's toolbox category (src/Plugins/LowCodeErp.Activities.Sample).
    private const string PluginCategory = "Erp Sample";

    [Fact]
    public async Task Analyst_Should_DesignPublishRunAndInspectAFlow_WithoutAnError()
    {
        var chromium = ChromiumRequirement.ExecutablePath();
        await using var server = new StudioServer();
        await using var browser = await StudioBrowser.LaunchAsync(chromium);
        var page = browser.Page;
        var name = "Browser flow " + Guid.NewGuid().ToString("N")[..6];

        // 0. An anonymous visitor is sent to the single sign-on's login page and comes back signed in as the analyst.
        await page.GotoAsync(new Uri(server.BaseAddress, "/studio").ToString());
        await page.WaitForURLAsync(new Regex("/account/login"));
        await page.FillAsync("#userName", "analyst");
        await page.FillAsync("#password", StudioServer.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/studio$"));

        // 1. The list shows the definitions imported from workflows/.
        await Expect(page.Locator("tr:has-text('order-size-check')")).ToBeVisibleAsync();
        await Expect(page.Locator("tr:has-text('Hello world')")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("01-definition-list");

        // 2. Create a flowchart in Studio's dialog; the list hands the new id to the host, which opens the editor.
        await page.ClickAsync("button:has-text('Create workflow')");
        await page.FillAsync(".mud-dialog input[type=text]", name);
        await page.ClickAsync(".mud-dialog button:has-text('OK')");
        await page.WaitForURLAsync(DefinitionsUrl);
        var definitionId = Uri.UnescapeDataString(page.Url.Split('/')[^1]);

        // 3. Drag Write Line and the sample plugin's Round To Currency from the toolbox, fill their inputs (each edit is
        //    auto-saved) and connect Done -> In by dragging between the ports.
        await page.ClickAsync("text=Primitives");
        await DropAsync(page, "Write Line", "WriteLine1", x: 120);
        await FillInputAsync(page, "WriteLine1", "Text", "Hello from the browser test");
        await page.ClickAsync("text=" + PluginCategory);
        await DropAsync(page, "Round To Currency", "RoundToCurrency1", x: 480);
        await FillInputAsync(page, "RoundToCurrency1", "Amount", "10.005");
        await page.RunAndWaitForResponseAsync(() => ConnectAsync(page, "WriteLine1", "RoundToCurrency1"), IsSave);
        await Expect(page.Locator(".x6-edge")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("02-designer-with-activities");

        // 4. Publish: wait for the save that asks to publish (an auto-save of the last edit may still answer first), then
        //    for the server to serve the published version.
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync(".mud-button-group-root button.mud-primary-text"), IsPublish);
        var published = await GetPublishedAsync(server, definitionId);
        published["name"]!.ToString().Should().Be(name);
        await browser.ScreenshotAsync("03-published");

        // 5. Run: the host opens the instance viewer, which shows the executed path from the journal.
        await page.ClickAsync("button.mud-success-text");
        await page.WaitForURLAsync(InstanceUrl);
        var instanceId = Uri.UnescapeDataString(page.Url.Split('/')[^1]);
        await Expect(page.Locator(".mud-timeline-item:has-text('WriteLine1'):has-text('Write Line - Completed')")).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-timeline-item:has-text('RoundToCurrency1'):has-text('Round To Currency - Completed')")).ToBeVisibleAsync();
        await Expect(page.Locator("td:has-text('Finished')").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("04-instance-viewer");
        var instance = await GetJsonAsync(server, $"/elsa/api/workflow-instances/{instanceId}");
        instance["status"]!.ToString().Should().Be("Finished");
        instance["definitionId"]!.ToString().Should().Be(definitionId);
        var journal = await GetJsonAsync(server, $"/elsa/api/workflow-instances/{instanceId}/journal");
        journal["items"]!.AsArray().Where(r => (string?)r!["eventName"] == "Completed").Select(r => (string?)r!["activityType"])
            .Should().ContainInOrder("Elsa.WriteLine", "Erp.Sample.RoundToCurrency");

        // 6. The instance list shows the run.
        await page.ClickAsync("a[data-studio-link=instances]");
        await Expect(page.Locator($"tr:has-text('{instanceId}')")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("05-instance-list");

        browser.Problems.Should().BeEmpty("Studio must run without console errors or failed requests");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    static StudioJourneyTests() => Assertions.SetDefaultExpectTimeout((int)StudioBrowser.Timeout.TotalMilliseconds);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static bool IsSave(IResponse response) =>
        response.Request.Method == "POST" && response.Url.EndsWith("/elsa/api/workflow-definitions", StringComparison.Ordinal) && response.Ok;

    // Studio publishes through the same endpoint as its auto-saves, with "publish": true in the body.
    private static bool IsPublish(IResponse response) =>
        IsSave(response) && response.Request.PostDataJSON() is { ValueKind: JsonValueKind.Object } body
                         && body.TryGetProperty("publish", out var publish) && publish.ValueKind == JsonValueKind.True;

    private static async Task DropAsync(IPage page, string displayName, string nodeName, float x)
    {
        await page.RunAndWaitForResponseAsync(
            () => page.DragAndDropAsync($"[draggable=true]:has-text('{displayName}')", ".graph-container", new() { TargetPosition = new() { X = x, Y = 160 } }),
            IsSave);
        await Expect(page.Locator($".x6-node:has-text('{nodeName}')")).ToBeVisibleAsync();
    }

    private static async Task FillInputAsync(IPage page, string nodeName, string label, string value)
    {
        // Forced: a selected node lies under X6's selection box, which takes the click (and keeps the node selected).
        await page.ClickAsync($".x6-node:has-text('{nodeName}')", new() { Force = true });
        var input = page.Locator($".mud-input-control:has(label:text-matches('^{label}\\*?$')) input");
        await page.RunAndWaitForResponseAsync(async () =>
        {
            await input.FillAsync(value);
            await input.PressAsync("Tab");
        }, IsSave);
    }

    // X6 draws ports as circles; an edge is made by pressing on the source's out port and releasing on the target's in port.
    private static async Task ConnectAsync(IPage page, string sourceNode, string targetNode)
    {
        var source = await page.Locator($".x6-node:has-text('{sourceNode}') .x6-port-body[port-group=out]").First.BoundingBoxAsync();
        var target = await page.Locator($".x6-node:has-text('{targetNode}') .x6-port-body[port-group=in]").First.BoundingBoxAsync();
        await page.Mouse.MoveAsync(source!.X + (source.Width / 2), source.Y + (source.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((source.X + target!.X) / 2, source.Y + 20, new() { Steps = 5 });
        await page.Mouse.MoveAsync(target.X + (target.Width / 2), target.Y + (target.Height / 2), new() { Steps = 10 });
        await page.Mouse.UpAsync();
    }

    /// <summary>The published version of a definition, polled until the server has one (60 s).</summary>
    private static async Task<JsonNode> GetPublishedAsync(StudioServer server, string definitionId)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await server.TokenAsync());
        var path = $"/elsa/api/workflow-definitions/by-definition-id/{Uri.EscapeDataString(definitionId)}?versionOptions=Published";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.NotFound || DateTime.UtcNow > deadline)
            {
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<JsonNode> GetJsonAsync(StudioServer server, string path)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await server.TokenAsync());
        return (await client.GetFromJsonAsync<JsonNode>(path, TestContext.Current.CancellationToken))!;
    }
}

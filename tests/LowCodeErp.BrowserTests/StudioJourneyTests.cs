using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using LowCodeErp.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace LowCodeErp.BrowserTests;

/// <summary>
/// An analyst's journey through the real Elsa Studio against the real server: the list shows the flows from
/// <c>workflows/</c>; a new flowchart is created in the dialog, an activity dragged from the toolbox onto the designer and
/// given its text; the flow is published and run; the instance viewer shows the executed path; the instance list shows
/// the run. Any console error or failed API call anywhere fails the test.
/// </summary>
public sealed class StudioJourneyTests
{
    private static readonly Regex DefinitionsUrl = new(@"/studio/definitions/[^/]+$");
    private static readonly Regex InstanceUrl = new(@"/studio/instances/[^/]+$");

    [Fact]
    public async Task Analyst_Should_DesignPublishRunAndInspectAFlow_WithoutAnError()
    {
        var chromium = ChromiumRequirement.ExecutablePath();
        await using var server = new StudioServer();
        await using var browser = await StudioBrowser.LaunchAsync(chromium);
        var page = browser.Page;
        var name = "Browser flow " + Guid.NewGuid().ToString("N")[..6];

        // 1. The list shows the definitions imported from workflows/.
        await page.GotoAsync(new Uri(server.BaseAddress, "/studio").ToString());
        await Expect(page.Locator("tr:has-text('order-size-check')")).ToBeVisibleAsync();
        await Expect(page.Locator("tr:has-text('Hello world')")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("01-definition-list");

        // 2. Create a flowchart in Studio's dialog; the list hands the new id to the host, which opens the editor.
        await page.ClickAsync("button:has-text('Create workflow')");
        await page.FillAsync(".mud-dialog input[type=text]", name);
        await page.ClickAsync(".mud-dialog button:has-text('OK')");
        await page.WaitForURLAsync(DefinitionsUrl);
        var definitionId = Uri.UnescapeDataString(page.Url.Split('/')[^1]);

        // 3. Drag Write Line from the toolbox onto the designer and give it a text (auto-save posts the definition).
        await page.ClickAsync("text=Primitives");
        await page.DragAndDropAsync("[draggable=true]:has-text('Write Line')", ".graph-container");
        await Expect(page.Locator(".x6-node:has-text('WriteLine1')")).ToBeVisibleAsync();
        var text = page.Locator(".mud-input-control:has(label:text-is('Text')) input");
        await page.RunAndWaitForResponseAsync(async () =>
        {
            await text.FillAsync("Hello from the browser test");
            await text.PressAsync("Tab");
        }, r => r.Request.Method == "POST" && r.Url.EndsWith("/elsa/api/workflow-definitions", StringComparison.Ordinal) && r.Ok);
        await browser.ScreenshotAsync("02-designer-with-activity");

        // 4. Publish.
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync(".mud-button-group-root button.mud-primary-text"),
            r => r.Request.Method == "POST" && r.Url.Contains("/elsa/api/workflow-definitions", StringComparison.Ordinal) && r.Ok);
        var published = await GetJsonAsync(server, $"/elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published");
        published["name"]!.ToString().Should().Be(name);
        await browser.ScreenshotAsync("03-published");

        // 5. Run: the host opens the instance viewer, which shows the executed path from the journal.
        await page.ClickAsync("button.mud-success-text");
        await page.WaitForURLAsync(InstanceUrl);
        var instanceId = Uri.UnescapeDataString(page.Url.Split('/')[^1]);
        await Expect(page.Locator(".mud-timeline-item:has-text('WriteLine1'):has-text('Write Line - Completed')")).ToBeVisibleAsync();
        await Expect(page.Locator("td:has-text('Finished')").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("04-instance-viewer");
        var instance = await GetJsonAsync(server, $"/elsa/api/workflow-instances/{instanceId}");
        instance["status"]!.ToString().Should().Be("Finished");
        instance["definitionId"]!.ToString().Should().Be(definitionId);

        // 6. The instance list shows the run.
        await page.ClickAsync("a[data-studio-link=instances]");
        await Expect(page.Locator($"tr:has-text('{instanceId}')")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("05-instance-list");

        browser.Problems.Should().BeEmpty("Studio must run without console errors or failed requests");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    static StudioJourneyTests() => Assertions.SetDefaultExpectTimeout((int)StudioBrowser.Timeout.TotalMilliseconds);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static async Task<JsonNode> GetJsonAsync(StudioServer server, string path)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        return (await client.GetFromJsonAsync<JsonNode>(path, TestContext.Current.CancellationToken))!;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using LowCodeErp.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace LowCodeErp.BrowserTests;

/// <summary>
/// The editor's version history: "Rollback to this version" on the published version 1 (while version 2 is a draft)
/// posts <c>revert/1</c>, and Studio lists and shows the new latest version 3. Any console error or failed request fails it.
/// </summary>
public sealed class StudioVersionHistoryTests
{
    [Fact]
    public async Task Analyst_Should_RollBackToAnEarlierVersion_WithoutAnError()
    {
        var chromium = ChromiumRequirement.ExecutablePath();
        await using var server = new StudioServer();
        var definitionId = "rollback-" + Guid.NewGuid().ToString("N")[..6];
        using var api = new HttpClient { BaseAddress = server.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new("Bearer", await server.TokenAsync());
        await SaveAsync(api, Model(definitionId, "Rollback v1"), publish: true);
        await SaveAsync(api, Model(definitionId, "Rollback v2 draft"), publish: false);
        await using var browser = await StudioBrowser.LaunchAsync(chromium);
        var page = browser.Page;

        await page.GotoAsync(new Uri(server.BaseAddress, $"/studio/definitions/{definitionId}").ToString());
        await page.WaitForURLAsync(new Regex("/account/login"));
        await page.FillAsync("#userName", "analyst");
        await page.FillAsync("#password", StudioServer.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex($"/studio/definitions/{definitionId}$"));
        await page.ClickAsync(".mud-tab:has-text('Version history')");
        var versionOne = page.Locator("tr:has(td:text-is('1'))");
        await Expect(page.Locator("tr:has(td:text-is('2'))")).ToBeVisibleAsync();

        await versionOne.Locator("button").Last.ClickAsync();
        var revert = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync(".mud-popover-open .mud-menu-item:has-text('Rollback to this version')"),
            r => r.Request.Method == "POST" && r.Url.EndsWith($"/workflow-definitions/{definitionId}/revert/1", StringComparison.Ordinal));

        revert.Status.Should().Be((int)HttpStatusCode.Created);
        await Expect(page.Locator("tr:has(td:text-is('3'))")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("06-version-history-rolled-back");
        var latest = (await api.GetFromJsonAsync<JsonNode>($"/elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Latest", Ct))!;
        ((int)latest["version"]!, (string?)latest["name"], (bool)latest["isPublished"]!).Should().Be((3, "Rollback v1", false));
        browser.Problems.Should().BeEmpty("Studio must run without console errors or failed requests");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    static StudioVersionHistoryTests() => Assertions.SetDefaultExpectTimeout((int)StudioBrowser.Timeout.TotalMilliseconds);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static JsonObject Model(string definitionId, string name) => JsonNode.Parse($$"""
        {
          "definitionId": "{{definitionId}}", "name": "{{name}}",
          "root": { "id": "fc", "type": "Elsa.Flowchart", "version": 1, "activities": [
            { "id": "say", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "{{name}}" } } } ],
            "connections": [] }
        }
        """)!.AsObject();

    private static async Task SaveAsync(HttpClient api, JsonObject model, bool publish) =>
        (await api.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish }, Ct)).EnsureSuccessStatusCode();
}

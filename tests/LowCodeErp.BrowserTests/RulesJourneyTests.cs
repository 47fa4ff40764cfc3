using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace LowCodeErp.BrowserTests;

/// <summary>
/// An analyst changes a business rule through the web UI, in real Chromium against the real embedded server: the list
/// of rule sets, one as a table, a bad edit that the JSON editor's validation refuses (nothing is saved), a threshold
/// change, its tests, the impact preview on recorded real evaluations (changed decisions shown), and the publish that
/// the next evaluation uses. A sales user (no designer permission) sees the rules read-only, and the API refuses a
/// change with 403. Any console error or failed request on any page fails the test.
/// </summary>
public sealed class RulesJourneyTests
{
    private const string RuleSet = "CreditScoreBands";

    static RulesJourneyTests() => Assertions.SetDefaultExpectTimeout((int)StudioBrowser.Timeout.TotalMilliseconds);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Analyst_Should_ChangeAThreshold_SeeItsImpact_AndPublish_WhileSalesOnlyReads()
    {
        var chromium = ChromiumRequirement.ExecutablePath();
        await using var server = new StudioServer();
        await using var browser = await InboxBrowser.LaunchAsync(chromium);
        await browser.RunAsync("rules-failure", () => JourneyAsync(server, browser));

        browser.Problems.Should().BeEmpty("no console error, page error or failed request on any page");
    }

    private static async Task JourneyAsync(StudioServer server, InboxBrowser browser)
    {
        using var api = new HttpClient { BaseAddress = server.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync("analyst"));

        // Real traffic first: the impact preview replays these recorded evaluations. 705–715 are Standard today.
        foreach (var score in new[] { 705, 710, 715, 650, 800 })
        {
            (await EvaluateAsync(api, score))["version"]!.GetValue<int>().Should().Be(1);
        }

        // 1. The list of rule sets, then one as a table.
        var analyst = await browser.SignInAsync(server, "analyst", landingPath: "/rules", landingTestId: "rule-sets");
        var list = analyst.Locator("[data-testid=rule-sets]");
        await Expect(list).ToContainTextAsync(RuleSet);
        await Expect(list).ToContainTextAsync("ApprovalLimits");
        await Expect(list).ToContainTextAsync("PricingFloor");
        await ScreenshotAsync(analyst, "rules-01-list");
        await list.Locator($"a:has-text('{RuleSet}')").ClickAsync();
        await Expect(analyst.Locator("[data-testid=rule-table]")).ToContainTextAsync("applicant.creditScore >= 720");
        await Expect(analyst.Locator("[data-testid=versions]")).ToHaveTextAsync("v1 Published");
        await ScreenshotAsync(analyst, "rules-02-table");

        // 2. A bad edit: the editor's validation names file, JSON path and rule, and Save stays disabled.
        var editor = analyst.Locator("textarea[data-testid=content-editor], [data-testid=content-editor] textarea").First;
        var original = await editor.InputValueAsync();
        await editor.FillAsync(original.Replace("\"RuleName\": \"PrimeBand\"", "\"RuleName\": \"\"", StringComparison.Ordinal));
        await Expect(analyst.Locator("[data-testid=validation-errors]")).ToContainTextAsync($"rules/{RuleSet}.json:$.Rules[0].RuleName");
        await Expect(analyst.Locator("[data-testid=save-draft]")).ToBeDisabledAsync();
        await ScreenshotAsync(analyst, "rules-03-validation");
        (await VersionsAsync(api)).Should().HaveCount(1, "nothing was saved");

        // 3. The threshold change: Prime from 700 instead of 720. Saved as draft v2.
        await editor.FillAsync(original.Replace("720", "700", StringComparison.Ordinal));
        await Expect(analyst.Locator("[data-testid=validation-errors]")).ToHaveCountAsync(0);
        await analyst.Locator("[data-testid=save-draft]").ClickAsync();
        await Expect(analyst.Locator("[data-testid=message]")).ToHaveTextAsync("Saved draft v2.");
        await Expect(analyst.Locator("[data-testid=versions]")).ToHaveTextAsync("v2 Draft · v1 Published");

        // 4. Its tests, then the impact on the recorded evaluations: the three 705–715 decisions change, first.
        await analyst.Locator("[data-testid=run-tests]").ClickAsync();
        await Expect(analyst.Locator("[data-testid=test-report]")).ToContainTextAsync("Tests of v2: 5 passed, 0 failed");

        // An unsaved bad edit: running the tests keeps its problems shown and Save disabled, and Publish (which would
        // publish the stored draft, not what the editor shows) waits until the editor holds the saved draft again.
        var draft = original.Replace("720", "700", StringComparison.Ordinal);
        await editor.FillAsync(draft.Replace("\"RuleName\": \"PrimeBand\"", "\"RuleName\": \"\"", StringComparison.Ordinal));
        await Expect(analyst.Locator("[data-testid=publish]")).ToBeDisabledAsync();
        await analyst.Locator("[data-testid=run-tests]").ClickAsync();
        await Expect(analyst.Locator("[data-testid=test-report]")).ToContainTextAsync("Tests of v2: 5 passed, 0 failed");
        await Expect(analyst.Locator("[data-testid=validation-errors]")).ToContainTextAsync($"rules/{RuleSet}.json:$.Rules[0].RuleName");
        await Expect(analyst.Locator("[data-testid=save-draft]")).ToBeDisabledAsync();
        await editor.FillAsync(draft);
        await Expect(analyst.Locator("[data-testid=publish]")).ToBeEnabledAsync();
        await analyst.Locator("[data-testid=preview-impact]").ClickAsync();
        var impact = analyst.Locator("[data-testid=impact]");
        await Expect(analyst.Locator("[data-testid=impact-changed]")).ToHaveTextAsync("3 changed");
        await Expect(impact).ToContainTextAsync("Standard → Prime");
        await Expect(impact.Locator("tbody tr").First).ToContainTextAsync("Prime");
        await ScreenshotAsync(analyst, "rules-04-tests-and-impact");

        // 5. Publish: the version list shows it, and the next evaluation uses it.
        await analyst.Locator("[data-testid=publish]").ClickAsync();
        await Expect(analyst.Locator("[data-testid=message]")).ToContainTextAsync("Published v2");
        await Expect(analyst.Locator("[data-testid=versions]")).ToHaveTextAsync("v2 Published · v1 Retired");
        await ScreenshotAsync(analyst, "rules-05-published");
        var next = await EvaluateAsync(api, 710);
        next["version"]!.GetValue<int>().Should().Be(2);
        next["successEvents"]!.AsArray().Select(e => (string)e!).Should().Contain("Prime");

        // 6. Sales may read rules but not change them: a read-only page, and 403 from the API.
        var sales = await browser.SignInAsync(server, "sales", landingPath: $"/rules/{RuleSet}", landingTestId: "rule-table");
        await Expect(sales.Locator("[data-testid=read-only]")).ToBeVisibleAsync();
        await Expect(sales.Locator("[data-testid=save-draft]")).ToBeDisabledAsync();
        await Expect(sales.Locator("[data-testid=publish]")).ToBeDisabledAsync();
        await Expect(sales.Locator("textarea[data-testid=content-editor], [data-testid=content-editor] textarea").First).Not.ToBeEditableAsync();
        await ScreenshotAsync(sales, "rules-06-read-only");
        using var salesApi = new HttpClient { BaseAddress = server.BaseAddress };
        salesApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync("sales"));
        using var refused = await salesApi.PutAsJsonAsync($"/api/rules/{RuleSet}/draft",
            new { content = JsonNode.Parse(original.Replace("700", "680", StringComparison.Ordinal)) }, Ct);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await VersionsAsync(api)).Should().HaveCount(2, "the refused change saved nothing");
    }

    private static async Task<JsonNode> EvaluateAsync(HttpClient api, int score)
    {
        var applicant = new { creditScore = score, defaults = 0, yearsInBusiness = 6, annualRevenue = 900000, existingDebt = 120000, yearsOfCreditHistory = 9 };
        using var response = await api.PostAsJsonAsync($"/api/rules/{RuleSet}/evaluate", new { inputs = new { applicant } }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
    }

    private static async Task<JsonArray> VersionsAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonNode>($"/api/rules/{RuleSet}", Ct))!["versions"]!.AsArray();

    // The journey's screenshots go to .test-results/screenshots/. The copies in docs/images/rules/ are refreshed only
    // on request (ERP_UPDATE_DOC_SCREENSHOTS=1), so a test run never leaves tracked files modified.
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = await InboxBrowser.ScreenshotAsync(page, name);
        if (Environment.GetEnvironmentVariable("ERP_UPDATE_DOC_SCREENSHOTS") != "1")
        {
            return;
        }

        var docs = Path.Combine(StudioServer.RepositoryRoot, "docs", "images", "rules");
        Directory.CreateDirectory(docs);
        File.Copy(path, Path.Combine(docs, name + ".png"), overwrite: true);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

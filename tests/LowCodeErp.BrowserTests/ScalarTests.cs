using System.Text.RegularExpressions;
using FluentAssertions;
using LowCodeErp.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace LowCodeErp.BrowserTests;

/// <summary>
/// The API reference as a person meets it: an anonymous visitor of <c>/scalar/v1</c> is sent to the login page and comes
/// back signed in; Scalar loads the OpenAPI document with the login cookie and shows the workflow API, with the user's
/// token already in its bearer field. Any console error or failed request fails the test (nothing may come from a CDN).
/// </summary>
public sealed class ScalarTests
{
    [Fact]
    public async Task Analyst_Should_OpenScalar_AfterSigningIn_AndSeeTheWorkflowApi()
    {
        var chromium = ChromiumRequirement.ExecutablePath();
        await using var server = new StudioServer();
        await using var browser = await StudioBrowser.LaunchAsync(chromium);
        var page = browser.Page;

        await page.GotoAsync(new Uri(server.BaseAddress, "/scalar/v1").ToString());
        await page.WaitForURLAsync(new Regex("/account/login"));
        await page.FillAsync("#userName", "analyst");
        await page.FillAsync("#password", StudioServer.DemoPassword);
        await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("button[type=submit]"),
            response => response.Url.EndsWith("/openapi/v1.json", StringComparison.Ordinal) && response.Status == 200);

        page.Url.Should().EndWith("/scalar/v1");
        // The sidebar lists the document's tags: the workflow API is there.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Workflow definitions", Exact = true }))
            .ToBeVisibleAsync(new() { Timeout = (float)StudioBrowser.Timeout.TotalMilliseconds });
        (await page.ContentAsync()).Should().Contain("\"token\":\"ey", "the signed-in user's access token fills Scalar's bearer field");
        await browser.ScreenshotAsync("scalar-signed-in");
        browser.Problems.Should().BeEmpty();
    }
}

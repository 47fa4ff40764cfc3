using FluentAssertions;
using LowCodeErp.BrowserTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LowCodeErp.BrowserTests;

/// <summary>
/// The lease review form in real Chromium: what a user types is checked as typed (the task service's own
/// FormValidator); what only the task service catches on submit lands under its field with nothing changed; and two
/// tabs racing for one task: the loser is told why (409) and sees the task as it now is.
/// Any console error or failed request fails a test, as in the journey.
/// </summary>
public sealed class InboxFormTests
{
    static InboxFormTests() => Assertions.SetDefaultExpectTimeout((int)StudioBrowser.Timeout.TotalMilliseconds);

    [Fact]
    public async Task NumberField_Should_KeepShowingTheRangeMessage_AfterTheUserLeavesTheField()
    {
        var chromium = ChromiumRequirement.ExecutablePath();
        await using var server = new StudioServer();
        await using var browser = await InboxBrowser.LaunchAsync(chromium);
        await browser.RunAsync("inbox-failure", async () =>
        {
            var (underwriter, _) = await OpenClaimedReviewAsync(server, browser);

            // Typed key by key as a user does: "1" is in range, "12" is not. Leaving the field runs MudBlazor's own
            // validation, which used to clear the message a moment later: the next edit elsewhere is a round trip on the
            // same circuit after it, so the message must still be there then.
            await InboxBrowser.TypeAsync(underwriter, "riskScore", "12");
            await InboxBrowser.TypeAsync(underwriter, "taxId", "DE123456789");

            await Expect(underwriter.Locator("[data-testid=field-taxId]")).Not.ToContainTextAsync("must match");
            await Expect(underwriter.Locator("[data-testid=field-riskScore]")).ToContainTextAsync("must be at most 10.");
            await Expect(underwriter.Locator("[data-testid=field-riskScore] input")).ToHaveValueAsync("12");
            await InboxBrowser.ScreenshotAsync(underwriter, "inbox-form-range-message");

            await InboxBrowser.TypeAsync(underwriter, "riskScore", "7");
            await Expect(underwriter.Locator("[data-testid=field-riskScore]")).Not.ToContainTextAsync("must be");
            browser.Problems.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task Submit_Should_ShowTheTaskServicesFieldErrorsUnderTheirFields_AndChangeNothing()
    {
        var chromium = ChromiumRequirement.ExecutablePath();
        await using var server = new StudioServer();
        await using var browser = await InboxBrowser.LaunchAsync(chromium);
        await browser.RunAsync("inbox-failure", async () =>
        {
            var (underwriter, instanceId) = await OpenClaimedReviewAsync(server, browser);

            // The page checks what is edited; the untouched required rating and checkbox are the task service's to refuse.
            await InboxBrowser.TypeAsync(underwriter, "riskScore", "3");
            await Expect(underwriter.Locator("[data-testid=field-rating]")).Not.ToContainTextAsync("is required.");
            await underwriter.ClickAsync("button[data-testid=outcome-Approve]");

            await Expect(underwriter.Locator("[data-testid=field-rating]")).ToContainTextAsync("is required.");
            await Expect(underwriter.Locator("[data-testid=field-checkedRegister]")).ToContainTextAsync("must be checked.");
            await Expect(underwriter.Locator("[data-testid=task-message]")).ToContainTextAsync("Please correct the marked fields.");
            await InboxBrowser.ScreenshotAsync(underwriter, "inbox-form-server-errors");

            // A mandatory comment is the service's rule too: its message lands under the comment.
            await ChooseRatingAsync(underwriter, "B");
            await underwriter.Locator("[data-testid=field-checkedRegister] input[type=checkbox]").CheckAsync();
            await underwriter.ClickAsync("button[data-testid=outcome-Reject]");
            await Expect(underwriter.Locator("[data-testid=comment-field]")).ToContainTextAsync("is required for Reject.");
            await Expect(underwriter.Locator("[data-testid=field-rating]")).Not.ToContainTextAsync("is required.");

            // Nothing changed: what was entered is still there, the task is still the underwriter's and the flow still waits on it.
            await Expect(underwriter.Locator("[data-testid=field-riskScore] input")).ToHaveValueAsync("3");
            await Expect(underwriter.Locator("[data-testid=task-status]")).ToHaveTextAsync("Assigned");
            await Expect(underwriter.Locator("[data-testid=history]")).Not.ToContainTextAsync("Completed");
            var instance = await LeaseApprovalFlow.WaitForInstanceAsync(server, instanceId, _ => true);
            LeaseApprovalFlow.Bookmarked(instance, "review").Should().BeTrue();
            browser.Problems.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task SecondTab_Should_BeToldAColleagueCompletedTheTask_AndShowItAsItNowIs()
    {
        var chromium = ChromiumRequirement.ExecutablePath();
        await using var server = new StudioServer(LostTaskChanges.Install);
        await using var browser = await InboxBrowser.LaunchAsync(chromium);
        await browser.RunAsync("inbox-failure", async () =>
        {
            var (first, _) = await OpenClaimedReviewAsync(server, browser);
            var second = await browser.OpenTabAsync(first, "underwriter (tab 2)");
            await Expect(second.Locator("button[data-testid=outcome-Approve]")).ToBeVisibleAsync();

            // The second tab does not hear of the completion (as when the notification is lost between replicas).
            server.Services.GetRequiredService<LostTaskChanges>().Losing = true;
            await FillValidReviewAsync(first);
            await first.ClickAsync("button[data-testid=outcome-Approve]");
            await Expect(first.Locator("[data-testid=completed-info]")).ToContainTextAsync("Completed by underwriter with Approve");

            await FillValidReviewAsync(second);
            await second.ClickAsync("button[data-testid=outcome-Approve]");

            await Expect(second.Locator("[data-testid=task-message]")).ToContainTextAsync("A colleague completed or changed this task meanwhile");
            await Expect(second.Locator("[data-testid=completed-info]")).ToContainTextAsync("Completed by underwriter with Approve");
            await Expect(second.Locator("button[data-testid=outcome-Approve]")).ToHaveCountAsync(0);
            await InboxBrowser.ScreenshotAsync(second, "inbox-form-conflict");
            browser.Problems.Should().BeEmpty();
        });
    }

    /// <summary>Signs the underwriter in, starts an application and opens and claims its review task.</summary>
    private static async Task<(IPage Page, string InstanceId)> OpenClaimedReviewAsync(StudioServer server, InboxBrowser browser)
    {
        var applicationNo = LeaseApprovalFlow.NewApplicationNo();
        var instanceId = await LeaseApprovalFlow.StartAsync(server, applicationNo, initiator: "sales");
        var underwriter = await browser.SignInAsync(server, "underwriter");
        await InboxBrowser.ShowViewAsync(underwriter, "Available to me");
        await underwriter.Locator($"a[data-testid=task-link]:has-text('Review lease application {applicationNo}')").ClickAsync();
        await underwriter.ClickAsync("button[data-testid=claim]");
        await Expect(underwriter.Locator("[data-testid=task-message]")).ToContainTextAsync("You claimed the task.");
        return (underwriter, instanceId);
    }

    private static async Task FillValidReviewAsync(IPage page)
    {
        await InboxBrowser.TypeAsync(page, "riskScore", "4");
        await ChooseRatingAsync(page, "A");
        await page.Locator("[data-testid=field-checkedRegister] input[type=checkbox]").CheckAsync();
    }

    private static async Task ChooseRatingAsync(IPage page, string rating)
    {
        await page.ClickAsync("[data-testid=field-rating] .mud-select");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = rating }).First.ClickAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

using FluentAssertions;
using LowCodeErp.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace LowCodeErp.BrowserTests;

/// <summary>
/// Staff hand a lease application through the web inbox, in real Chromium against the real embedded server: sales
/// starts workflows/human-tasks/lease-approval.json (which the server imported from the workflows/ tree); the underwriter sees the review task appear
/// live, claims it, meets the form's client-side checks, and approves; the committee's 2-of-3 approval refuses the
/// initiator (4-eyes) and a second decision by the same member, and needs a second member; the instance then waits
/// on the Approved port's task. Any console error or failed request on any page fails the test.
/// </summary>
public sealed class InboxJourneyTests
{
    // Blazor's circuit and the server share two busy cores with the build: generous waits, never sleeps.
    static InboxJourneyTests() => Assertions.SetDefaultExpectTimeout((int)StudioBrowser.Timeout.TotalMilliseconds);

    [Fact]
    public async Task Staff_Should_HandALeaseApplicationThroughTheInbox_LiveAndWithinTheTaskRules()
    {
        var chromium = ChromiumRequirement.ExecutablePath();
        await using var server = new StudioServer();
        await using var browser = await InboxBrowser.LaunchAsync(chromium);
        await browser.RunAsync("inbox-failure", () => JourneyAsync(server, browser));
    }

    private static async Task JourneyAsync(StudioServer server, InboxBrowser browser)
    {
        var applicationNo = LeaseApprovalFlow.NewApplicationNo();

        // 1. The underwriter watches the tasks offered to underwriters; committee2 watches on a tablet-sized screen.
        var underwriter = await browser.SignInAsync(server, "underwriter");
        await Expect(underwriter.Locator("[data-testid=user-name]")).ToHaveTextAsync("Uma Underwriter");
        await InboxBrowser.ShowViewAsync(underwriter, "Available to me");
        var committee2 = await browser.SignInAsync(server, "committee2", width: 820, height: 1180);
        await InboxBrowser.ShowViewAsync(committee2, "Available to me");

        // 2. Sales enters the application (committee3 entered it with them: excluded from the committee's decision).
        var instanceId = await LeaseApprovalFlow.StartAsync(server, applicationNo, initiator: "committee3");

        // 3. The review task appears in the open inbox without a reload; the underwriter opens and claims it.
        var reviewLink = underwriter.Locator($"a[data-testid=task-link]:has-text('Review lease application {applicationNo}')");
        await Expect(reviewLink).ToBeVisibleAsync();
        await InboxBrowser.ScreenshotAsync(underwriter, "inbox-01-task-arrived-live");
        await reviewLink.ClickAsync();
        await Expect(underwriter.Locator("[data-testid=business-key]")).ToBeVisibleAsync();
        await Expect(underwriter.Locator("[data-testid=variables]")).ToContainTextAsync("Lessee");
        // Where the task stands: the flow's diagram (laid out in layers: the sample has no designer positions), its activity highlighted.
        await Expect(underwriter.Locator("[data-testid=flow-diagram][data-layout=layered]")).ToBeVisibleAsync();
        await Expect(underwriter.Locator("[data-testid=diagram-current]")).ToHaveAttributeAsync("data-activity-id", "review");
        await Expect(underwriter.Locator("[data-testid=diagram-node]")).ToHaveCountAsync(6);
        await underwriter.ClickAsync("button[data-testid=claim]");
        await Expect(underwriter.Locator("[data-testid=task-message]")).ToContainTextAsync("You claimed the task.");

        // 4. The form: defaults filled in from expressions; client-side checks per field and the mandatory comment.
        await Expect(underwriter.Locator("[data-testid=field-financedAmount] input")).ToHaveValueAsync("125000.00");
        await InboxBrowser.TypeAsync(underwriter, "riskScore", "3");
        await underwriter.FillAsync("[data-testid=field-taxId] input", "XX1");
        await underwriter.ClickAsync("button[data-testid=outcome-Reject]");
        await Expect(underwriter.Locator("[data-testid=field-taxId]")).ToContainTextAsync("must match DE[0-9]{9}.");
        await Expect(underwriter.Locator("[data-testid=field-rating]")).ToContainTextAsync("is required.");
        await Expect(underwriter.Locator("[data-testid=comment-field]")).ToContainTextAsync("is required for Reject.");
        await InboxBrowser.ScreenshotAsync(underwriter, "inbox-02-form-validation");
        await underwriter.FillAsync("[data-testid=field-taxId] input", "DE123456789");
        await underwriter.ClickAsync("[data-testid=field-rating] .mud-select");
        await underwriter.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "A" }).First.ClickAsync();
        await underwriter.Locator("[data-testid=field-checkedRegister] input[type=checkbox]").CheckAsync();
        await underwriter.FillAsync("[data-testid=field-notes] textarea", "Solid lessee, register checked.");
        await underwriter.ClickAsync("button[data-testid=outcome-Approve]");
        await Expect(underwriter.Locator("[data-testid=completed-info]")).ToContainTextAsync("Completed by underwriter with Approve");
        await InboxBrowser.ScreenshotAsync(underwriter, "inbox-03-review-completed");

        // 5. The Approve port leads to the committee: committee2's open list shows its two tasks live.
        var committeeLinks = committee2.Locator($"a[data-testid=task-link]:has-text('Credit committee: lease {applicationNo}')");
        await Expect(committeeLinks).ToHaveCountAsync(2);
        await InboxBrowser.ScreenshotAsync(committee2, "inbox-04-committee-tablet");

        // 6. committee3 entered the application: 4-eyes refuses the claim in the UI (the server's rule, its message).
        var committee3 = await browser.SignInAsync(server, "committee3");
        await InboxBrowser.ShowViewAsync(committee3, "Available to me");
        // "My tasks" (empty too) stays on screen until the view's page arrives: only the empty list that says it is the
        // candidate view shows that committee3 is not offered the committee's tasks.
        await Expect(committee3.Locator("[data-testid=no-tasks][data-view=candidate]")).ToBeVisibleAsync();
        await Expect(committee3.Locator("a[data-testid=task-link]")).ToHaveCountAsync(0);
        // The view's count, read when committee3 opened the inbox (after both tasks existed): 0, where committee2's is 2.
        await Expect(ViewCount(committee2, "Available to me")).ToHaveTextAsync("2");
        await Expect(ViewCount(committee3, "Available to me")).ToHaveTextAsync("0");
        var taskIds = await CommitteeTaskIdsAsync(committee2);
        await committee3.GotoAsync(new Uri(server.BaseAddress, $"/inbox/tasks/{taskIds[0]}").ToString());
        await committee3.ClickAsync("button[data-testid=claim]");
        await Expect(committee3.Locator("[data-testid=task-message]")).ToContainTextAsync("excluded from this task (4-eyes principle)");
        await InboxBrowser.ScreenshotAsync(committee3, "inbox-05-four-eyes-refused");

        // 7. committee1 approves one task; a second decision by the same member is refused.
        var committee1 = await browser.SignInAsync(server, "committee1");
        await DecideAsync(committee1, server, taskIds[0], "Approve");
        await Expect(committee1.Locator("[data-testid=diagram-current]")).ToHaveAttributeAsync("data-activity-id", "committee");
        await committee1.GotoAsync(new Uri(server.BaseAddress, $"/inbox/tasks/{taskIds[1]}").ToString());
        await committee1.ClickAsync("button[data-testid=claim]");
        await Expect(committee1.Locator("[data-testid=task-message]")).ToContainTextAsync("a second decision needs a different person");
        await InboxBrowser.ScreenshotAsync(committee1, "inbox-06-second-decision-refused");

        // 8. committee2's list dropped the task committee1 took (live); committee2 gives the second approval.
        await Expect(committeeLinks).ToHaveCountAsync(1);
        await DecideAsync(committee2, server, taskIds[1], "Approve");

        // 9. The instance went down Approved: it now waits on the signing task (engine state via /elsa/api).
        var instance = await LeaseApprovalFlow.WaitForInstanceAsync(server, instanceId, state => LeaseApprovalFlow.Bookmarked(state, "sign"));
        instance["status"]!.ToString().Should().Be("Running");
        LeaseApprovalFlow.Bookmarked(instance, "review").Should().BeFalse();
        LeaseApprovalFlow.Bookmarked(instance, "committee").Should().BeFalse();

        browser.Problems.Should().BeEmpty("the inbox must work without console errors or failed requests");
    }

    private static async Task DecideAsync(IPage page, StudioServer server, string taskId, string outcome)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, $"/inbox/tasks/{taskId}").ToString());
        await page.ClickAsync("button[data-testid=claim]");
        await Expect(page.Locator("[data-testid=task-message]")).ToContainTextAsync("You claimed the task.");
        await page.ClickAsync($"button[data-testid=outcome-{outcome}]");
        await Expect(page.Locator("[data-testid=completed-info]")).ToContainTextAsync($"with {outcome}");
    }

    private static async Task<List<string>> CommitteeTaskIdsAsync(IPage page)
    {
        var hrefs = await page.Locator("a[data-testid=task-link]:has-text('Credit committee')").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        return [.. hrefs.Select(h => h.Split('/')[^1]).Order(StringComparer.Ordinal)];
    }

    // The count badge on a view's tab.
    private static ILocator ViewCount(IPage page, string tab) => page.Locator(".mud-tab").Filter(new() { HasText = tab }).Locator(".mud-badge");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

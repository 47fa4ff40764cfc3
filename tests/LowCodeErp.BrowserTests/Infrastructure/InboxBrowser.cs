using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LowCodeErp.BrowserTests.Infrastructure;

/// <summary>
/// One headless Chromium with a browser context (own cookies) per signed-in staff member, each page recording what
/// counts as a failure: console errors, uncaught page errors, failed requests and responses of 400 or more.
/// Screenshots go to <c>.test-results/screenshots/</c> like Studio's.
/// </summary>
public sealed class InboxBrowser : IAsyncDisposable
{
    private readonly List<string> _problems = [];
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<(string User, IPage Page)> _pages = [];

    private InboxBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Everything that went wrong on any page so far (empty = nothing).</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public static async Task<InboxBrowser> LaunchAsync(string executablePath)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
        });
        return new InboxBrowser(playwright, browser);
    }

    /// <summary>
    /// A new context signed in as <paramref name="userName"/> through the login page, on the inbox (or on
    /// <paramref name="landingPath"/>, once the element <c>data-testid=<paramref name="landingTestId"/></c> shows).
    /// </summary>
    public async Task<IPage> SignInAsync(StudioServer server, string userName, int width = 1440, int height = 900,
        string landingPath = "/inbox", string landingTestId = "task-table")
    {
        ArgumentNullException.ThrowIfNull(server);
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        Watch(page, userName);

        // An anonymous visitor of the landing page is sent to the single sign-on's login page and comes back signed in.
        await page.GotoAsync(new Uri(server.BaseAddress, landingPath).ToString());
        await page.WaitForURLAsync(new Regex("/account/login"));
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", StudioServer.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex(Regex.Escape(landingPath) + "$"));
        await Assertions.Expect(page.Locator($"[data-testid={landingTestId}]")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// A second tab of the user signed in on <paramref name="signedIn"/> (same cookies), on the same address, recorded
    /// like the first under <paramref name="label"/>.
    /// </summary>
    public async Task<IPage> OpenTabAsync(IPage signedIn, string label)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        var page = await signedIn.Context.NewPageAsync();
        Watch(page, label);
        await page.GotoAsync(signedIn.Url);
        return page;
    }

    /// <summary>Types into a form field's input as a user does, key by key, and leaves it (Tab).</summary>
    public static async Task TypeAsync(IPage page, string field, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        var input = page.Locator($"[data-testid=field-{field}] input");
        await input.ClearAsync();
        await input.PressSequentiallyAsync(text);
        await input.PressAsync("Tab");
    }

    /// <summary>Switches the inbox list to the view <paramref name="tab"/>.</summary>
    public static async Task ShowViewAsync(IPage page, string tab)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator(".mud-tab").Filter(new() { HasText = tab }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-tab.mud-tab-active")).ToContainTextAsync(tab);
    }

    /// <summary>Saves a full-page screenshot of <paramref name="page"/> as <c>{name}.png</c> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(StudioBrowser.ScreenshotFolder);
        var path = Path.Combine(StudioBrowser.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <summary>A screenshot of every signed-in page, named <c>{prefix}-{user}.png</c> (for a failing test).</summary>
    public async Task ScreenshotAllAsync(string prefix)
    {
        foreach (var (user, page) in _pages)
        {
            await ScreenshotAsync(page, $"{prefix}-{user}");
        }
    }

    /// <summary>
    /// Runs a test's browser steps; when one fails, every signed-in page is saved as <c>{failurePrefix}-{user}.png</c>
    /// and the failure names what the browser reported, so a red run shows what each user saw.
    /// </summary>
    public async Task RunAsync(string failurePrefix, Func<Task> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        try
        {
            await steps();
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
        {
            await ScreenshotAllAsync(failurePrefix);
            throw new InvalidOperationException($"{exception.Message}\nBrowser problems:\n{string.Join("\n", Problems)}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private void Watch(IPage page, string label)
    {
        _pages.Add((label, page));
        page.SetDefaultTimeout((float)StudioBrowser.Timeout.TotalMilliseconds);
        page.SetDefaultNavigationTimeout((float)StudioBrowser.Timeout.TotalMilliseconds);
        page.Console += (_, message) => Record(message.Type == "error", () => $"{label}: console error: {message.Text}");
        page.PageError += (_, error) => Record(true, () => $"{label}: page error: {error}");
        page.RequestFailed += (_, request) => Record(true, () => $"{label}: request failed: {request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) => Record(response.Status >= 400, () => $"{label}: HTTP {response.Status}: {response.Request.Method} {response.Url}");
    }

    private void Record(bool isProblem, Func<string> describe)
    {
        if (!isProblem)
        {
            return;
        }

        lock (_problems)
        {
            _problems.Add(describe());
        }
    }
}

using Microsoft.Playwright;

namespace LowCodeErp.BrowserTests.Infrastructure;

/// <summary>
/// Headless Chromium on one page, recording everything that counts as a failure of Studio: console errors, uncaught
/// page errors, failed requests and responses of 400 or more. Screenshots go to <c>.test-results/screenshots/</c>.
/// </summary>
public sealed class StudioBrowser : IAsyncDisposable
{
    // Blazor boots in 4-5 s on an idle machine; CI shares two cores with the build, so waits are generous (no sleeps).
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly List<string> _problems = [];
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private StudioBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        page.SetDefaultNavigationTimeout((float)Timeout.TotalMilliseconds);
        page.Console += (_, message) => Record(message.Type == "error", () => $"console error: {message.Text}");
        page.PageError += (_, error) => Record(true, () => $"page error: {error}");
        page.RequestFailed += (_, request) => Record(true, () => $"request failed: {request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) => Record(response.Status >= 400, () => $"HTTP {response.Status}: {response.Request.Method} {response.Url}");
    }

    public IPage Page { get; }

    public static string ScreenshotFolder { get; } = Path.Combine(StudioServer.RepositoryRoot, ".test-results", "screenshots");

    /// <summary>What went wrong so far (empty = nothing).</summary>
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

    public static async Task<StudioBrowser> LaunchAsync(string executablePath)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        return new StudioBrowser(playwright, browser, await context.NewPageAsync());
    }

    /// <summary>Saves a full-page screenshot as <c>{name}.png</c> and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
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

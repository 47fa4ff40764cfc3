namespace LowCodeErp.BrowserTests.Infrastructure;

/// <summary>
/// The browser these tests drive: <c>ERP_TEST_CHROMIUM</c> (scripts/services-up.sh writes it to .services/env), else
/// <c>chromium</c> on PATH. Without one a test skips with a visible reason on a developer machine and fails when
/// <c>CI=true</c> (CI must never pass by skipping). Playwright cannot download its own browsers here.
/// </summary>
internal static class ChromiumRequirement
{
    public const string Variable = "ERP_TEST_CHROMIUM";

    /// <summary>The browser's path; otherwise skips or (in CI) fails the calling test.</summary>
    public static string ExecutablePath()
    {
        if (Find() is { } path)
        {
            return path;
        }

        const string reason = $"Chromium not found: set {Variable} or install the Debian package chromium (scripts/install-deps.sh).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " CI=true requires it.");
        }

        Assert.Skip(reason);
        return ""; // not reached: Assert.Skip throws
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "chromium"))
            .FirstOrDefault(File.Exists);
    }
}

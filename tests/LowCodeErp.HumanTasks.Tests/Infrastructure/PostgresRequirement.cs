namespace LowCodeErp.HumanTasks.Tests.Infrastructure;

/// <summary>
/// The one rule for tests that need a real PostgreSQL: use <c>ERP_TEST_POSTGRES</c>; without it, skip with a visible
/// reason on a developer machine, but fail when <c>CI=true</c> (CI must never pass by skipping).
/// </summary>
internal static class PostgresRequirement
{
    public const string Variable = "ERP_TEST_POSTGRES";

    /// <summary>The configured connection string, or null (nothing is skipped yet).</summary>
    public static string? Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The connection string; otherwise skips or (in CI) fails the calling test.</summary>
    public static string ConnectionString()
    {
        if (Configured is { } connectionString)
        {
            return connectionString;
        }

        const string reason = $"PostgreSQL not configured: set {Variable} (scripts/services-up.sh writes it to .services/env).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " CI=true requires it.");
        }

        Assert.Skip(reason);
        return ""; // not reached: Assert.Skip throws
    }
}

namespace LowCodeErp.Identity.Tests.Infrastructure;

/// <summary>
/// The one rule for tests that need a real PostgreSQL (as in the runtime tests): use <c>ERP_TEST_POSTGRES</c>; without it,
/// skip with a visible reason on a developer machine, but fail when <c>CI=true</c>.
/// </summary>
internal static class PostgresRequirement
{
    public const string Variable = "ERP_TEST_POSTGRES";

    public static string? Configured => System.Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The connection string; otherwise skips or (in CI) fails the calling test.</summary>
    public static string ConnectionString()
    {
        if (Configured is { } connectionString)
        {
            return connectionString;
        }

        const string reason = $"PostgreSQL not configured: set {Variable} (scripts/services-up.sh writes it to .services/env).";
        if (string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " CI=true requires it.");
        }

        Assert.Skip(reason);
        return ""; // not reached: Assert.Skip throws
    }
}

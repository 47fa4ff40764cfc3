namespace LowCodeErp.Rules.Tests.Infrastructure;

/// <summary>
/// As in the runtime tests: a test needing PostgreSQL uses <c>ERP_TEST_POSTGRES</c>; without it, it skips with a visible
/// reason on a developer machine and fails when <c>CI=true</c> (CI must never pass by skipping).
/// </summary>
internal static class PostgresRequirement
{
    public const string Variable = "ERP_TEST_POSTGRES";

    public static string ConnectionString()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString)
        {
            return connectionString;
        }

        const string reason = $"PostgreSQL not configured: set {Variable} (scripts/services-up.sh writes it to .services/env).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " CI=true requires it.");
        }

        Assert.Skip(reason);
        return "";
    }
}

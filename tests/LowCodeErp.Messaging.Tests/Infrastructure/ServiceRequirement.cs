namespace LowCodeErp.Messaging.Tests.Infrastructure;

/// <summary>
/// The one rule for tests that need a real service: read its variable (written to .services/env by
/// scripts/services-up.sh); without it, skip with a visible reason on a developer machine, but fail when CI=true.
/// </summary>
internal static class ServiceRequirement
{
    public const string Postgres = "ERP_TEST_POSTGRES";
    public const string RabbitMq = "ERP_TEST_RABBITMQ";

    /// <summary>"scripts dir;SVC_DIR;port" of the RabbitMQ node services-up.sh started (for outage tests).</summary>
    public const string RabbitMqControl = "ERP_TEST_RABBITMQ_CONTROL";

    public static string? Configured(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;

    /// <summary>The variable's value; otherwise skips or (in CI) fails the calling test.</summary>
    public static string Require(string variable)
    {
        if (Configured(variable) is { } value)
        {
            return value;
        }

        var reason = $"{variable} not set (scripts/services-up.sh writes it to .services/env; source that file).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " CI=true requires it.");
        }

        Assert.Skip(reason);
        return ""; // not reached: Assert.Skip throws
    }
}

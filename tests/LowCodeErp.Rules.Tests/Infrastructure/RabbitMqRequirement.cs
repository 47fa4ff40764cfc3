namespace LowCodeErp.Rules.Tests.Infrastructure;

/// <summary>
/// As <see cref="PostgresRequirement"/>: a test needing RabbitMQ uses <c>ERP_TEST_RABBITMQ</c> (an amqp:// URI); without
/// it, it skips with a visible reason on a developer machine and fails when <c>CI=true</c>.
/// </summary>
internal static class RabbitMqRequirement
{
    public const string Variable = "ERP_TEST_RABBITMQ";

    public static string ConnectionString()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString)
        {
            return connectionString;
        }

        const string reason = $"RabbitMQ not configured: set {Variable} (scripts/services-up.sh writes it to .services/env).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " CI=true requires it.");
        }

        Assert.Skip(reason);
        return "";
    }
}

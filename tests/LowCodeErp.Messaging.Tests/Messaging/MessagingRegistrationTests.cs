using FluentAssertions;
using LowCodeErp.Messaging.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LowCodeErp.Messaging.Tests.Messaging;

public sealed class MessagingRegistrationTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task The_bus_health_check_is_tagged_ready_and_healthy_once_the_bus_runs()
    {
        await using var host = await BusHost.StartAsync(database.NewDatabase(), x => x.AddConsumer<LeaseCommencedConsumer>());
        var health = host.Services.GetRequiredService<HealthCheckService>();

        await Eventually.TrueAsync(async () =>
        {
            var report = await health.CheckHealthAsync(c => c.Tags.Contains(MessagingHealthChecks.ReadyTag), TestContext.Current.CancellationToken);
            return report.Entries.TryGetValue(MessagingHealthChecks.BusCheckName, out var bus) && bus.Status == HealthStatus.Healthy;
        }, "the 'bus' check among the ready checks reports Healthy");
    }

    [Fact]
    public void Consumers_of_other_modules_are_added_before_the_bus_and_rejected_after_it()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddErpConsumers(x => x.AddConsumer<LeaseCommencedConsumer>());
        services.AddErpMessaging(configuration);

        services.Should().Contain(d => d.ServiceType == typeof(LeaseCommencedConsumer), "the module's consumer is registered");
        var late = () => services.AddErpConsumers(x => x.AddConsumer<FlakyPaymentConsumer>());
        late.Should().Throw<InvalidOperationException>().WithMessage("*after AddErpMessaging*register consumers first*");
    }

    [Fact]
    public void RabbitMq_without_a_connection_string_is_a_clear_start_up_error()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Messaging:Transport"] = "RabbitMq" })
            .Build();

        var register = () => new ServiceCollection().AddErpMessaging(configuration);

        register.Should().Throw<InvalidOperationException>().WithMessage("*ConnectionStrings:RabbitMq*");
    }
}

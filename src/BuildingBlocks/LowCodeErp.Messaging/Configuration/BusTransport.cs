using MassTransit;
using Microsoft.Extensions.Configuration;

namespace LowCodeErp.Messaging.Configuration;

/// <summary>Chooses the transport from configuration.</summary>
internal static class BusTransport
{
    public static void Configure(IBusRegistrationConfigurator bus, MessagingOptions options, IConfiguration configuration)
    {
        if (options.Transport == MessagingTransport.InMemory)
        {
            bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            return;
        }

        var connectionString = configuration.GetConnectionString(MessagingOptions.RabbitMqConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString) || !Uri.TryCreate(connectionString, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException(
                $"Messaging:Transport is RabbitMq but ConnectionStrings:{MessagingOptions.RabbitMqConnectionStringName} " +
                "is missing or not an amqp:// URI (e.g. amqp://user:password@host:5672/).");
        }

        bus.UsingRabbitMq((context, cfg) =>
        {
            cfg.Host(uri, host =>
            {
                // The outbox marks a row sent only when Publish returns, which with confirms means the broker has it.
                host.PublisherConfirmation = true;
                var user = uri.UserInfo.Split(':', 2);
                if (user.Length == 2)
                {
                    host.Username(Uri.UnescapeDataString(user[0]));
                    host.Password(Uri.UnescapeDataString(user[1]));
                }
            });
            cfg.ConfigureEndpoints(context);
        });
    }
}

using LowCodeErp.Messaging.Configuration;
using LowCodeErp.Messaging.Inbox;
using LowCodeErp.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCodeErp.Messaging;

/// <summary>The registrations a service (or module) makes to publish and consume messages.</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Lets a module add consumers (or sagas, request clients) to the one bus; call before <see cref="AddErpMessaging"/>,
    /// e.g. <c>services.AddErpConsumers(x =&gt; x.AddConsumer&lt;StartWorkflowConsumer&gt;())</c>.
    /// </summary>
    public static IServiceCollection AddErpConsumers(this IServiceCollection services, Action<IBusRegistrationConfigurator> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var registrations = Registrations(services);
        if (registrations.Built)
        {
            throw new InvalidOperationException(
                "AddErpConsumers was called after AddErpMessaging; register consumers first (MassTransit builds the bus once).");
        }

        registrations.Contributions.Add(configure);
        return services;
    }

    /// <summary>
    /// The bus: <c>Messaging:Transport</c> InMemory (default) or RabbitMq (<c>ConnectionStrings:RabbitMq</c>), one
    /// queue per consumer named after it (prefixed by <c>Messaging:EndpointPrefix</c>), retries, the inbox filter, and
    /// the bus health check tagged "ready". <paramref name="configure"/> adds this service's consumers.
    /// </summary>
    public static IServiceCollection AddErpMessaging(
        this IServiceCollection services, IConfiguration configuration, Action<IBusRegistrationConfigurator>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(MessagingOptions.SectionName);
        services.Configure<MessagingOptions>(section);
        services.TryAddSingleton(TimeProvider.System);
        var options = section.Get<MessagingOptions>() ?? new MessagingOptions();
        var registrations = Registrations(services);
        if (configure is not null)
        {
            registrations.Contributions.Add(configure);
        }

        registrations.Built = true;
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(options.EndpointPrefix, includeNamespace: false));
            foreach (var contribution in registrations.Contributions)
            {
                contribution(bus);
            }

            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                // Retry outside the inbox: each attempt is a fresh transaction that re-checks the inbox.
                endpoint.UseMessageRetry(r => r.Intervals(
                    Enumerable.Range(0, options.ConsumerRetryLimit).Select(i => TimeSpan.FromMilliseconds(200 * (i + 1))).ToArray()));
                endpoint.UseConsumeFilter(typeof(InboxFilter<>), context);
            });
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = MessagingHealthChecks.BusCheckName;
                health.Tags.Add(MessagingHealthChecks.ReadyTag);
            });
            BusTransport.Configure(bus, options, configuration);
        });
        return services;
    }

    /// <summary>
    /// The transactional outbox of <typeparamref name="TContext"/> (which must call <c>ApplyErpMessaging()</c>):
    /// <see cref="IEventOutbox"/> for the service's code, and the background relay that publishes the rows.
    /// </summary>
    public static IServiceCollection AddErpOutbox<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddScoped<IEventOutbox, EventOutbox<TContext>>();
        services.AddHostedService<OutboxRelay<TContext>>();
        return services;
    }

    /// <summary>The inbox of <typeparamref name="TContext"/>: every consumer of this service processes a message id once.</summary>
    public static IServiceCollection AddErpInbox<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IInboxStore, InboxStore<TContext>>();
        return services;
    }

    private static MessagingRegistrations Registrations(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(MessagingRegistrations))?.ImplementationInstance
            is MessagingRegistrations existing)
        {
            return existing;
        }

        var registrations = new MessagingRegistrations();
        services.AddSingleton(registrations);
        return registrations;
    }
}

using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCodeErp.Workflows.Runtime.Dispatch;

/// <summary>
/// Wires background dispatch into the host's one MassTransit registration (a container has exactly one): the host calls
/// <see cref="AddWorkflowDispatchConsumers"/> inside its <c>AddMassTransit</c> and <see cref="AddBackgroundWorkflowDispatcher"/>.
/// </summary>
public static class WorkflowDispatchRegistration
{
    /// <summary>The consumers that run dispatched work, with a short retry for transient database errors.</summary>
    public static IBusRegistrationConfigurator AddWorkflowDispatchConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<RunWorkflowInstanceConsumer>(c => c.UseMessageRetry(Retry));
        bus.AddConsumer<ResumeWorkflowBookmarkConsumer>(c => c.UseMessageRetry(Retry));
        bus.AddConsumer<DeliverWorkflowEventConsumer>(c => c.UseMessageRetry(Retry));
        return bus;
    }

    /// <summary>Registers <see cref="IBackgroundWorkflowDispatcher"/> (needs the bus from <c>AddMassTransit</c>).</summary>
    public static IServiceCollection AddBackgroundWorkflowDispatcher(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IBackgroundWorkflowDispatcher, BusWorkflowDispatcher>();
        return services;
    }

    private static void Retry(IRetryConfigurator retry) =>
        retry.Intervals(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2));
}

using LowCodeErp.Rules.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCodeErp.Rules.Distribution;

/// <summary>Cache invalidation over the bus for hosts that run several replicas.</summary>
public static class RulesDistributionExtensions
{
    /// <summary>
    /// Publish and retract refresh every replica's compiled cache over the host's MassTransit bus (<c>IBus</c>, from
    /// <c>AddErpMessaging</c> or the host's own <c>AddMassTransit</c>): each replica gets a temporary queue of its own and
    /// reconciles with the database every <see cref="RulesOptions.ReconcileInterval"/>. Call with or after <c>AddRules</c>.
    /// </summary>
    public static IServiceCollection AddRulesBusInvalidation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IRuleSetPublishedNotifier>();
        services.AddSingleton<IRuleSetPublishedNotifier>(sp => ActivatorUtilities.CreateInstance<BusRuleSetPublishedNotifier>(sp,
            new Lazy<RuleSetCache>(sp.GetRequiredService<RuleSetCache>)));
        services.AddSingleton<RuleSetChangeSubscription>();
        services.AddHostedService(sp => sp.GetRequiredService<RuleSetChangeSubscription>());
        return services;
    }
}

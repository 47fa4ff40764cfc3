using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCodeErp.Web.Rules;

/// <summary>Registers the rule pages' services (the host adds the assembly to its router and component endpoints).</summary>
public static class RulesPagesServiceCollectionExtensions
{
    /// <summary>The page user (unless the host registered its own <see cref="IRulesPageUser"/>); needs <c>AddRules</c>.</summary>
    public static IServiceCollection AddRulesPages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<IRulesPageUser, SignedInRulesPageUser>();
        return services;
    }
}

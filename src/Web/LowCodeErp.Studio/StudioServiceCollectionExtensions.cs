using LowCodeErp.Studio.Auth;
using LowCodeErp.Studio.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCodeErp.Studio;

/// <summary>Registers what <see cref="StudioEndpointRouteBuilderExtensions.MapElsaStudio"/> needs.</summary>
public static class StudioServiceCollectionExtensions
{
    /// <summary>Options from section <c>Studio</c>, the asset locator and the default access-token seam (replaceable).</summary>
    public static IServiceCollection AddElsaStudio(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StudioOptions>().Bind(configuration.GetSection(StudioOptions.Section));
        services.AddSingleton<StudioAssets>();
        services.TryAddSingleton<IStudioAccessTokenProvider, AuthenticationTokenAccessTokenProvider>();
        return services;
    }
}

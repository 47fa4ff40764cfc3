using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Core.Plugins;

/// <summary>Registers activities from plugin folders.</summary>
public static class ActivityPluginServiceCollectionExtensions
{
    /// <summary>
    /// Loads every plugin under <paramref name="folder"/> (a missing folder loads nothing) and records the outcome in
    /// the <see cref="ActivityPluginCatalog"/> singleton. Call it after every built-in and referenced activity is
    /// registered: a plugin whose (type, version) is already taken is skipped, and only registrations made before
    /// this call are checked.
    /// </summary>
    public static IServiceCollection AddActivityPlugins(this IServiceCollection services, string folder)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        new ActivityPluginLoader(services, services.GetActivityPluginCatalog()).LoadFolder(Path.GetFullPath(folder));
        return services;
    }

    /// <summary>The catalog singleton registered in <paramref name="services"/>; registers an empty one first when there is none.</summary>
    internal static ActivityPluginCatalog GetActivityPluginCatalog(this IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(ActivityPluginCatalog))?.ImplementationInstance is ActivityPluginCatalog catalog)
        {
            return catalog;
        }

        catalog = new ActivityPluginCatalog();
        services.AddSingleton(catalog);
        return catalog;
    }
}

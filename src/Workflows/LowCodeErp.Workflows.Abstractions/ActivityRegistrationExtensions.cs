using System.Reflection;
using LowCodeErp.Workflows.Abstractions.Descriptors;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Abstractions;

/// <summary>An activity class offered to the engine (read by the host's activity registry).</summary>
public sealed record ActivityRegistration(ActivityDescriptor Descriptor);

/// <summary>How plugins add their activities to a host.</summary>
public static class ActivityRegistrationExtensions
{
    /// <summary>Registers one activity class.</summary>
    public static IServiceCollection AddActivity<TActivity>(this IServiceCollection services) where TActivity : Activity, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new ActivityRegistration(ActivityDescriber.Describe<TActivity>()));
        return services;
    }

    /// <summary>Registers every public, concrete activity class with an <see cref="ActivityAttribute"/> in the assembly of <typeparamref name="TMarker"/>.</summary>
    public static IServiceCollection AddActivitiesFrom<TMarker>(this IServiceCollection services) =>
        services.AddActivitiesFrom(typeof(TMarker).Assembly);

    /// <summary>Registers every public, concrete activity class with an <see cref="ActivityAttribute"/> in <paramref name="assembly"/>.</summary>
    public static IServiceCollection AddActivitiesFrom(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetExportedTypes())
        {
            if (type.IsAbstract || !typeof(Activity).IsAssignableFrom(type) || type.GetCustomAttribute<ActivityAttribute>() is null ||
                type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            var activityType = type;
            services.AddSingleton(new ActivityRegistration(
                ActivityDescriber.Describe(activityType, () => (Activity)Activator.CreateInstance(activityType)!)));
        }

        return services;
    }
}

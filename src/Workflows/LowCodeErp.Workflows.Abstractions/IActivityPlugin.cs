using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Abstractions;

/// <summary>
/// Optional entry point of a plugin loaded from the <c>plugins/</c> folder. Without one, the host registers every
/// public <see cref="ActivityAttribute"/> class of the plugin assembly. Implement it when the plugin needs services
/// (register them as singletons or transients) or wants to choose which activities to offer.
/// </summary>
/// <remarks>A plugin assembly may hold at most one public, concrete implementation with a parameterless constructor.</remarks>
public interface IActivityPlugin
{
    /// <summary>Registers the plugin's activities (<see cref="ActivityRegistrationExtensions.AddActivity{TActivity}"/>) and services.</summary>
    void ConfigureServices(IServiceCollection services);
}

using LowCodeErp.Workflows.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Activities.TestPlugin;

/// <summary>A service the plugin registers for its own activity.</summary>
public sealed class Phrasebook
{
    public string Prefix { get; } = "Plugin says: ";
}

/// <summary>The entry point: registers the activity and its service.</summary>
public sealed class TestPlugin : IActivityPlugin
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddActivity<HumanizeText>();
        services.AddSingleton<Phrasebook>();
    }
}

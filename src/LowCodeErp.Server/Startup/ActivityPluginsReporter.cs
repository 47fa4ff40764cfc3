using LowCodeErp.Workflows.Core.Plugins;

namespace LowCodeErp.Server.Startup;

/// <summary>
/// Logs what the plugin folder gave at start-up. Plugins load while services are composed, before logging exists,
/// so the outcome is kept in the <see cref="ActivityPluginCatalog"/> and written here: one line per plugin, an error
/// with its path and reason for each one skipped.
/// </summary>
public sealed class ActivityPluginsReporter(ActivityPluginCatalog catalog, ILogger<ActivityPluginsReporter> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var folder in catalog.Folders.Where(f => !Directory.Exists(f)))
        {
            logger.LogInformation("No activity plugins folder at {Folder}.", folder);
        }

        foreach (var plugin in catalog.Plugins)
        {
            if (plugin.Status == ActivityPluginStatus.Loaded)
            {
                logger.LogInformation("Activity plugin {Plugin} {Version} loaded from {Path}: {ActivityTypes}.",
                    plugin.Name, plugin.Version, plugin.Path, string.Join(", ", plugin.ActivityTypes));
            }
            else
            {
                logger.LogError("Activity plugin {Plugin} at {Path} skipped: {Reason}.", plugin.Name, plugin.Path, plugin.Error);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

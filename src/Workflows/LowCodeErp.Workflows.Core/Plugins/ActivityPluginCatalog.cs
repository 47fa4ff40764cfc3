using System.Reflection;

namespace LowCodeErp.Workflows.Core.Plugins;

/// <summary>Whether a folder plugin is in use.</summary>
public enum ActivityPluginStatus
{
    /// <summary>Its activities are registered.</summary>
    Loaded,

    /// <summary>It was skipped; nothing of it is registered.</summary>
    Failed,
}

/// <summary>The outcome of loading one folder plugin.</summary>
/// <param name="Name">The plugin folder's name (= its main assembly's name).</param>
/// <param name="Path">The main assembly's path (or the folder's, when the assembly is missing).</param>
/// <param name="Version">The main assembly's informational version, when it could be read.</param>
/// <param name="Status">Loaded or skipped.</param>
/// <param name="Error">Why it was skipped.</param>
/// <param name="ActivityTypes">Registered activity types as <c>Type:Version</c>.</param>
public sealed record ActivityPluginInfo(
    string Name, string Path, string? Version, ActivityPluginStatus Status, string? Error, IReadOnlyList<string> ActivityTypes)
{
    /// <summary>The loaded assembly (null when skipped before or while loading it).</summary>
    public Assembly? Assembly { get; init; }
}

/// <summary>Every folder plugin the host tried to load, in load order; read by the start-up log and the plugins API.</summary>
public sealed class ActivityPluginCatalog
{
    private readonly List<ActivityPluginInfo> _plugins = [];
    private readonly List<string> _folders = [];

    /// <summary>The plugin folders searched (full paths), existing or not.</summary>
    public IReadOnlyList<string> Folders => _folders;

    /// <summary>The plugins found.</summary>
    public IReadOnlyList<ActivityPluginInfo> Plugins => _plugins;

    internal void AddFolder(string folder) => _folders.Add(folder);

    internal void Add(ActivityPluginInfo plugin) => _plugins.Add(plugin);
}

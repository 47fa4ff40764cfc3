namespace LowCodeErp.Workflows.Api.Models;

/// <summary>One folder plugin as loaded at start-up: <c>status</c> is <c>Loaded</c> or <c>Failed</c> (then <c>error</c> says why).</summary>
public sealed record ActivityPluginModel(
    string Name, string Path, string? Version, string Status, string? Error, IReadOnlyList<string> ActivityTypes);

/// <summary>The plugin folders searched and every plugin found in them, in load order.</summary>
public sealed record ActivityPluginListResponse(IReadOnlyList<string> Folders, IReadOnlyList<ActivityPluginModel> Items, int Count);

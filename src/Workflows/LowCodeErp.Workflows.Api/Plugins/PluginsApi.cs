using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Plugins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Plugins;

/// <summary>
/// What the <c>plugins/</c> folder gave at start-up, loaded or skipped with the reason: the start-up log says the
/// same, but operators and deployment checks can ask a running server. Not an Elsa route; Studio never calls it.
/// Plugins registered in code (project or package references) are not listed: their activities are in
/// <c>/descriptors/activities</c> like the built-ins.
/// </summary>
public static class PluginsApi
{
    /// <summary>Maps <c>/plugins</c> and <c>/plugins/{name}</c>.</summary>
    public static RouteGroupBuilder MapPluginsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/plugins").WithTags("Plugins").RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/", List).WithName("ListActivityPlugins").WithSummary("Folder plugins found at start-up, loaded or skipped.");
        group.MapGet("/{name}", Get).WithName("GetActivityPlugin").WithSummary("One folder plugin by folder name; 404 when there is none.");
        return api;
    }

    private static Ok<ActivityPluginListResponse> List(ActivityPluginCatalog catalog)
    {
        var items = catalog.Plugins.Select(ToModel).ToList();
        return TypedResults.Ok(new ActivityPluginListResponse(catalog.Folders, items, items.Count));
    }

    private static Results<Ok<ActivityPluginModel>, NotFound> Get(string name, ActivityPluginCatalog catalog) =>
        catalog.Plugins.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { } plugin
            ? TypedResults.Ok(ToModel(plugin))
            : TypedResults.NotFound();

    private static ActivityPluginModel ToModel(ActivityPluginInfo plugin) =>
        new(plugin.Name, plugin.Path, plugin.Version, plugin.Status.ToString(), plugin.Error, plugin.ActivityTypes);
}

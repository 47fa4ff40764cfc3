using System.Reflection;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Features;

/// <summary>
/// Installed features (Studio checks single ones: 200 = enabled, 404 = disabled; <c>Elsa.RealTimeWorkflowUpdates</c> is
/// deliberately absent so Studio polls instead of opening SignalR) and the package version.
/// </summary>
public static class FeaturesApi
{
    private static readonly IReadOnlyList<FeatureModel> Installed =
    [
        Feature("WorkflowsApi", "Workflows API", "The Elsa-compatible REST API."),
        Feature("WorkflowRuntime", "Workflow runtime", "Durable instances, bookmarks, triggers and timers."),
        Feature("JavaScript", "JavaScript", "JavaScript expressions (sandboxed)."),
        Feature("Liquid", "Liquid", "Liquid template expressions."),
    ];

    /// <summary>Maps the feature routes (behind the API policy).</summary>
    public static RouteGroupBuilder MapFeaturesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/features").WithTags("Features");
        group.MapGet("/installed", () => TypedResults.Ok(ListResponse.Of<FeatureModel>(Installed))).WithName("ListInstalledFeatures").WithSummary("Installed features.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/installed/{fullName}", GetFeature).WithName("GetInstalledFeature").WithSummary("One installed feature; 404 when it is not installed.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        return api;
    }

    /// <summary>Maps <c>/package/version</c> (anonymous in Elsa).</summary>
    public static RouteGroupBuilder MapPackageApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/package/version", GetPackageVersion).WithTags("Features").WithName("GetPackageVersion").WithSummary("The server's version.");
        return api;
    }

    private static Results<Ok<FeatureModel>, NotFound> GetFeature(string fullName) =>
        Installed.FirstOrDefault(f => string.Equals(f.FullName, fullName, StringComparison.Ordinal)) is { } feature
            ? TypedResults.Ok(feature)
            : TypedResults.NotFound();

    private static Ok<PackageVersionResponse> GetPackageVersion()
    {
        var version = typeof(FeaturesApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return TypedResults.Ok(new PackageVersionResponse(plus < 0 ? version : version[..plus]));
    }

    private static FeatureModel Feature(string name, string displayName, string description) =>
        new(name, "LowCodeErp.Workflows", $"LowCodeErp.Workflows.{name}", displayName, description);
}

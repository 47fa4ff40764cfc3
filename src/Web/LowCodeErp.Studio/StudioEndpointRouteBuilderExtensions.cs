using LowCodeErp.Studio.HostPage;
using LowCodeErp.Studio.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Studio;

/// <summary>Maps Elsa Studio under <c>/studio</c>.</summary>
public static class StudioEndpointRouteBuilderExtensions
{
    private static readonly string[] PageRoutes = ["", "/definitions", "/definitions/{definitionId}", "/instances", "/instances/{instanceId}"];

    /// <summary>
    /// The host pages (signed-in users; policy <see cref="StudioOptions.PagePolicy"/>), the page's own script and style,
    /// and the package's files with their precompressed variants (anonymous). Call <c>AddElsaStudio</c> first.
    /// </summary>
    public static IEndpointRouteBuilder MapElsaStudio(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var policy = endpoints.ServiceProvider.GetRequiredService<IOptions<StudioOptions>>().Value.PagePolicy;
        var studio = endpoints.MapGroup("/studio").WithTags("Studio").ExcludeFromDescription();
        foreach (var route in PageRoutes)
        {
            // A page a browser navigates to: a cookie sign-in may redirect to its login page (.NET 10 answers 401 to
            // minimal-API endpoints unless they opt in).
            var page = studio.MapGet(route, StudioHostPage.RenderAsync).AllowCookieRedirect();
            _ = string.IsNullOrEmpty(policy) ? page.RequireAuthorization() : page.RequireAuthorization(policy);
        }

        studio.MapGet("/host/{name}", HostPageResources.Get).AllowAnonymous();
        studio.MapGet("/{**path}", StudioAssetEndpoints.GetAsset).AllowAnonymous();
        return endpoints;
    }
}

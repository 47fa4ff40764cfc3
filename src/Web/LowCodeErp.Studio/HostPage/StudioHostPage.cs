using System.Text.Json;
using LowCodeErp.Studio.Auth;
using LowCodeErp.Studio.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Studio.HostPage;

/// <summary>
/// The one page behind every Studio address (<c>/studio</c>, <c>/studio/definitions/{id}</c>, <c>/studio/instances</c>,
/// <c>/studio/instances/{id}</c>): Studio's styles and scripts, a navigation bar and a mount point; studio-host.js picks the
/// custom element from the address and switches between them without reloading Blazor.
/// </summary>
public static class StudioHostPage
{
    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web);

    /// <summary>Renders the page for the signed-in user (never cached: it carries their token).</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> RenderAsync(
        HttpContext context, StudioAssets assets, IOptions<StudioOptions> options, IStudioAccessTokenProvider tokens)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokens);
        if (assets.Root is null)
        {
            return StudioAssetEndpoints.NotInstalled();
        }

        var pathBase = context.Request.PathBase.Value ?? "";
        var config = new StudioPageConfig(
            ApiPath: pathBase + options.Value.ApiPath,
            AccessToken: await tokens.GetAccessTokenAsync(context),
            UserName: context.User.Identity?.Name);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(Html(pathBase + "/studio/", JsonSerializer.Serialize(config, ConfigJson)), "text/html; charset=utf-8");
    }

    // The JSON serializer escapes '<', '>' and '&', so the token cannot close the script element.
    private static string Html(string baseHref, string configJson) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1.0" />
          <title>Studio · LowCodeErp</title>
          <base href="{{System.Net.WebUtility.HtmlEncode(baseHref)}}" />
          <link rel="icon" type="image/png" href="_content/Elsa.Studio.Shell/favicon-32x32.png" />
          <link href="_content/MudBlazor/MudBlazor.min.css" rel="stylesheet" />
          <link href="_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.css" rel="stylesheet" />
          <link href="_content/Radzen.Blazor/css/material-base.css" rel="stylesheet" />
          <link href="_content/Elsa.Studio.Shell/css/shell.css" rel="stylesheet" />
          <link href="Elsa.Studio.Host.CustomElements.styles.css" rel="stylesheet" />
          <link href="host/studio-host.css" rel="stylesheet" />
        </head>
        <body>
          <nav class="erp-studio-nav">
            <span class="erp-studio-brand">LowCodeErp Studio</span>
            <a href="definitions" data-studio-link="definitions">Workflow definitions</a>
            <a href="instances" data-studio-link="instances">Workflow instances</a>
            <span class="erp-studio-user" id="studio-user"></span>
          </nav>
          <main id="studio-mount"></main>
          <div id="blazor-error-ui">An unhandled error has occurred. <a href="" class="reload">Reload</a> <a class="dismiss">🗙</a></div>
          <script type="application/json" id="studio-config">{{configJson}}</script>
          <script src="host/studio-host.js"></script>
          <script src="_content/BlazorMonaco/jsInterop.js"></script>
          <script src="_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js"></script>
          <script src="_content/BlazorMonaco/lib/monaco-editor/min/vs/editor/editor.main.js"></script>
          <script src="_content/MudBlazor/MudBlazor.min.js"></script>
          <script src="_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.js"></script>
          <script src="_content/Radzen.Blazor/Radzen.Blazor.js"></script>
          <script src="_framework/blazor.webassembly.js"></script>
        </body>
        </html>
        """;

    private sealed record StudioPageConfig(string ApiPath, string? AccessToken, string? UserName);
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LowCodeErp.Studio.HostPage;

/// <summary>The host page's own script and style, embedded in this assembly (they travel with it, unlike node_modules).</summary>
public static class HostPageResources
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["studio-host.js"] = "text/javascript",
        ["studio-host.css"] = "text/css",
    };

    /// <summary>GET <c>/studio/host/{name}</c>.</summary>
    public static Results<FileStreamHttpResult, NotFound> Get(string name, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ContentTypes.TryGetValue(name, out var contentType)
            || typeof(HostPageResources).Assembly.GetManifestResourceStream(name) is not { } stream)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Stream(stream, contentType);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace LowCodeErp.Studio.Hosting;

/// <summary>Serves the package's files (anonymous: they are the public npm package, no data).</summary>
public static class StudioAssetEndpoints
{
    /// <summary>GET <c>/studio/{**path}</c>: the file, its precompressed variant when accepted, 404 for anything else.</summary>
    public static Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult> GetAsset(string path, HttpContext context, StudioAssets assets)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(assets);
        if (assets.Files is null)
        {
            return NotInstalled();
        }

        var (file, encoding) = PrecompressedFiles.Choose(assets.Files, path, context.Request);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.Vary = HeaderNames.AcceptEncoding;
        // Most file names are not fingerprinted (blazor.webassembly.js, _content/**): revalidate with the ETag instead.
        headers.CacheControl = "no-cache";
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        var tag = new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}-{encoding ?? "identity"}\"");
        return TypedResults.PhysicalFile(file.PhysicalPath, assets.ContentTypeOf(path), lastModified: file.LastModified,
            entityTag: tag, enableRangeProcessing: encoding is null);
    }

    /// <summary>503 naming the fix when the npm package is missing.</summary>
    public static ProblemHttpResult NotInstalled() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Elsa Studio is not installed",
        detail: "The npm package @elsa-workflows/elsa-studio-wasm was not found. Build src/Web/LowCodeErp.Studio (it runs `npm ci`) or set Studio:AssetsPath.");
}

using System.Reflection;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Studio.Hosting;

/// <summary>
/// The unpacked Studio package: where it is, and the content type of each file (Blazor streams-compiles <c>.wasm</c>
/// only when it is served as <c>application/wasm</c>).
/// </summary>
public sealed class StudioAssets
{
    /// <summary>The file every Studio page loads first; its absence means the package is not installed.</summary>
    public const string MarkerFile = "_framework/blazor.webassembly.js";

    private readonly FileExtensionContentTypeProvider _types = CreateContentTypes();

    /// <summary>Resolves the folder from options, the application folder or the build's install location.</summary>
    public StudioAssets(IOptions<StudioOptions> options, ILogger<StudioAssets> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Root = Candidates(options.Value.AssetsPath).FirstOrDefault(c => File.Exists(Path.Combine(c, MarkerFile)));
        if (Root is null)
        {
            logger.LogWarning("Elsa Studio assets not found (tried {Candidates}); /studio answers 503 until the package is installed",
                string.Join(", ", Candidates(options.Value.AssetsPath)));
            return;
        }

        Files = new PhysicalFileProvider(Root);
    }

    /// <summary>The package folder, or <c>null</c> when it is not installed.</summary>
    public string? Root { get; }

    /// <summary>The package's files, or <c>null</c> when it is not installed.</summary>
    public IFileProvider? Files { get; }

    /// <summary>The content type of <paramref name="path"/> (of the uncompressed file).</summary>
    public string ContentTypeOf(string path) =>
        _types.TryGetContentType(path, out var type) ? type : "application/octet-stream";

    private static IEnumerable<string> Candidates(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            yield return Path.GetFullPath(configured);
            yield break;
        }

        yield return Path.Combine(AppContext.BaseDirectory, "elsa-studio");
        var installed = typeof(StudioAssets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ElsaStudioAssets")?.Value;
        if (!string.IsNullOrEmpty(installed))
        {
            yield return installed;
        }
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".wasm"] = "application/wasm";
        // Blazor's binary payloads: ICU data, (non-webcil) assemblies, symbols.
        foreach (var binary in new[] { ".dat", ".blat", ".dll", ".pdb" })
        {
            types.Mappings[binary] = "application/octet-stream";
        }

        types.Mappings[".js"] = "text/javascript";
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".map"] = "application/json";
        types.Mappings[".webmanifest"] = "application/manifest+json";
        types.Mappings[".woff2"] = "font/woff2";
        types.Mappings[".ttf"] = "font/ttf";
        return types;
    }
}

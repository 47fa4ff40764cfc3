using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace LowCodeErp.Studio.Hosting;

/// <summary>
/// Picks the <c>.br</c> or <c>.gz</c> copy the package ships beside a file when the browser accepts that encoding
/// (dotnet.native.wasm: 3.0 MB plain, 1 MB brotli). The bytes are the package's own, so Blazor's integrity hashes (over
/// the decoded bytes) still match.
/// </summary>
public static class PrecompressedFiles
{
    private static readonly (string Encoding, string Suffix)[] Variants = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>The file to send for <paramref name="path"/> and its <c>Content-Encoding</c> (<c>null</c> = identity).</summary>
    public static (IFileInfo File, string? Encoding) Choose(IFileProvider files, string path, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(request);
        var accepted = AcceptedEncodings(request);
        foreach (var (encoding, suffix) in Variants)
        {
            if (!accepted.Contains(encoding))
            {
                continue;
            }

            var compressed = files.GetFileInfo(path + suffix);
            if (compressed.Exists && !compressed.IsDirectory)
            {
                return (compressed, encoding);
            }
        }

        return (files.GetFileInfo(path), null);
    }

    private static HashSet<string> AcceptedEncodings(HttpRequest request)
    {
        var accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var values))
        {
            foreach (var value in values.Where(v => v.Quality is not 0))
            {
                accepted.Add(value.Value.Value ?? "");
            }
        }

        return accepted;
    }
}

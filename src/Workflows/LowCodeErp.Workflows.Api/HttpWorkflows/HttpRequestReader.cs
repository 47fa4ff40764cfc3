using System.Text.Json;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Activities.Http;
using Microsoft.AspNetCore.Http;

namespace LowCodeErp.Workflows.Api.HttpWorkflows;

/// <summary>
/// Copies the request into plain, JSON-serializable values under <see cref="HttpRequestKeys"/>: they become workflow
/// input (trigger start) or resume input, which are persisted with the instance, so no live ASP.NET object may go in.
/// </summary>
internal static class HttpRequestReader
{
    // Bodies are read into memory to be parsed and persisted; larger requests are refused rather than buffered.
    private const int MaxBodyBytes = 1024 * 1024;

    // The copy is persisted with the instance (and shown in Studio): credentials must not end up in the database.
    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Proxy-Authorization", "Cookie" };

    public static async Task<Dictionary<string, object?>> ReadAsync(HttpRequest request, string path, CancellationToken cancellationToken)
    {
        return new Dictionary<string, object?>
        {
            [HttpRequestKeys.Path] = path,
            [HttpRequestKeys.Method] = request.Method.ToUpperInvariant(),
            [HttpRequestKeys.Query] = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            [HttpRequestKeys.Headers] = request.Headers.Where(h => !SecretHeaders.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value.ToString()),
            [HttpRequestKeys.RouteData] = new Dictionary<string, string>(),
            [HttpRequestKeys.Body] = await ReadBodyAsync(request, cancellationToken),
        };
    }

    private static async Task<object?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return null;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (text.Length == 0)
        {
            return null;
        }

        if (request.HasJsonContentType())
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return ValueConversion.FromElement(document.RootElement);
            }
            catch (JsonException)
            {
                // Invalid JSON is handed over as text; the flow decides what a bad body means.
                return text;
            }
        }

        return text;
    }
}

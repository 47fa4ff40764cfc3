namespace LowCodeErp.Workflows.Core.Activities.Http;

/// <summary>
/// Bookmark and trigger payload of HttpEndpoint (research §2.6): only path and method take part in the hash, both
/// lower-cased, so a request computes the same hash as the endpoint that waits for it.
/// </summary>
public sealed record HttpEndpointPayload(string Path, string Method)
{
    /// <summary>The stimulus name of HTTP endpoints.</summary>
    public const string StimulusName = "Elsa.HttpEndpoint";

    /// <summary>Creates the payload for a request path and method, normalized the way the endpoint normalizes its own.</summary>
    public static HttpEndpointPayload For(string path, string method) => new(NormalizePath(path), method.ToLowerInvariant());

    /// <summary><c>/{path without surrounding slashes}</c>, lower-cased (Elsa's NormalizeRoute plus lower-casing of the hash).</summary>
    public static string NormalizePath(string? path) => "/" + (path ?? "").Trim('/').ToLowerInvariant();
}

/// <summary>
/// Keys of the workflow input (trigger start) or resume input (bookmark) that carry the HTTP request, so Core reads
/// the request without depending on ASP.NET: the host copies it into plain, JSON-serializable values.
/// </summary>
public static class HttpRequestKeys
{
    /// <summary>Request path below the <c>/workflows</c> prefix.</summary>
    public const string Path = "Path";
    /// <summary>HTTP method.</summary>
    public const string Method = "Method";
    /// <summary>Body parsed from JSON (plain values) or the raw text for other content types.</summary>
    public const string Body = "Body";
    /// <summary>Query string values (<c>Dictionary&lt;string, string&gt;</c>).</summary>
    public const string Query = "QueryString";
    /// <summary>Request headers (<c>Dictionary&lt;string, string&gt;</c>).</summary>
    public const string Headers = "Headers";
    /// <summary>Route values (<c>Dictionary&lt;string, string&gt;</c>).</summary>
    public const string RouteData = "RouteData";
}

/// <summary>What WriteHttpResponse produced.</summary>
public sealed record HttpResponseMessageData(int StatusCode, string? Content, string? ContentType, IReadOnlyDictionary<string, string> Headers);

/// <summary>The HTTP response of the request that is running the workflow (registered by the host per request).</summary>
public interface IHttpResponseSink
{
    /// <summary>Writes the response; false when it has already been written (only the first write reaches the client).</summary>
    ValueTask<bool> WriteAsync(HttpResponseMessageData response, CancellationToken cancellationToken);
}

/// <summary>
/// The sink of the current request. Ambient (async-local) because the engine and runtime are singletons that run the
/// burst inline in the request's async flow; persisted workflow properties could not hold a live response.
/// </summary>
public static class HttpResponseSinkScope
{
    private static readonly AsyncLocal<IHttpResponseSink?> Ambient = new();

    /// <summary>The sink of the request running now, if any.</summary>
    public static IHttpResponseSink? Current => Ambient.Value;

    /// <summary>Makes <paramref name="sink"/> current until the returned scope is disposed.</summary>
    public static IDisposable Use(IHttpResponseSink sink)
    {
        var previous = Ambient.Value;
        Ambient.Value = sink;
        return new Restore(previous);
    }

    private sealed class Restore(IHttpResponseSink? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}

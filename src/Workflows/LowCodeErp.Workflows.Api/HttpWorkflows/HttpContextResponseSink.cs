using LowCodeErp.Workflows.Core.Activities.Http;
using Microsoft.AspNetCore.Http;

namespace LowCodeErp.Workflows.Api.HttpWorkflows;

/// <summary>Writes WriteHttpResponse's response straight to the open request; only the first write counts.</summary>
internal sealed class HttpContextResponseSink(HttpResponse response) : IHttpResponseSink
{
    private int _written;

    /// <summary>Whether a workflow answered the request.</summary>
    public bool Written => Volatile.Read(ref _written) == 1;

    public async ValueTask<bool> WriteAsync(HttpResponseMessageData data, CancellationToken cancellationToken)
    {
        // Several instances can match one request (triggers and bookmarks); the client can only get one answer.
        if (Interlocked.Exchange(ref _written, 1) == 1 || response.HasStarted)
        {
            return false;
        }

        response.StatusCode = data.StatusCode;
        foreach (var (name, value) in data.Headers)
        {
            response.Headers[name] = value;
        }

        if (data.ContentType is not null)
        {
            response.ContentType = data.ContentType;
        }

        if (data.Content is not null)
        {
            await response.WriteAsync(data.Content, cancellationToken);
        }

        await response.CompleteAsync();
        return true;
    }
}

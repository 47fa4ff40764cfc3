using System.Net;
using System.Text.Json;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Http;

/// <summary>
/// Writes the response of the request that is running the workflow (same burst, research §2.6). Without a request
/// (in-memory runs, a resume from the API) there is nobody to answer: the response is recorded in the activity's
/// properties and the journal instead of failing the flow.
/// </summary>
[Activity("Elsa", "WriteHttpResponse", Category = "HTTP", DisplayName = "HTTP Response", Description = "Write a response to the current HTTP response object.")]
public sealed class WriteHttpResponse : CodeActivity
{
    /// <summary>Status code.</summary>
    [Input(Description = "The status code to return.", DefaultValue = HttpStatusCode.OK, UIHint = UIHints.Dropdown)]
    public Input<HttpStatusCode>? StatusCode { get; set; }

    /// <summary>Content: strings are written as is, anything else as JSON.</summary>
    [Input(Description = "The content to write back. String values will be sent as-is, while objects will be serialized to a JSON string.")]
    public Input<object>? Content { get; set; }

    /// <summary>Content type; text/plain for strings and application/json otherwise when empty.</summary>
    [Input(Description = "The content type to write when sending the response.", UIHint = UIHints.Dropdown)]
    public Input<string>? ContentType { get; set; }

    /// <summary>Extra response headers.</summary>
    [Input(Description = "The headers to return along with the response.", UIHint = UIHints.JsonEditor)]
    public Input<object>? ResponseHeaders { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var status = StatusCode is null ? HttpStatusCode.OK : await context.EvaluateAsync(StatusCode);
        status = status == 0 ? HttpStatusCode.OK : status;
        var content = await context.EvaluateAsync(Content);
        var contentType = await context.EvaluateAsync(ContentType);
        var text = content switch
        {
            null => null,
            string s => s,
            _ => JsonSerializer.Serialize(content),
        };
        contentType = string.IsNullOrWhiteSpace(contentType) ? content is null or string ? "text/plain" : "application/json" : contentType;
        var headers = ToHeaders(await context.EvaluateAsync(ResponseHeaders));
        var response = new HttpResponseMessageData((int)status, text, contentType, headers);

        var sink = HttpResponseSinkScope.Current ?? context.Services.GetService(typeof(IHttpResponseSink)) as IHttpResponseSink;
        var written = sink is not null && await sink.WriteAsync(response, context.CancellationToken);
        context.Properties["StatusCode"] = response.StatusCode;
        context.Properties["ContentType"] = response.ContentType;
        context.Properties["Content"] = response.Content;
        context.Properties["Written"] = written;
        if (!written)
        {
            context.AddJournalEntry("ResponseNotWritten", sink is null ? "No HTTP request is waiting for this workflow." : "The response was already written.");
        }
    }

    // The json-editor gives an object (plain values after conversion); header values are sent as their text.
    private static Dictionary<string, string> ToHeaders(object? value) => ValueConversion.Unwrap(value) switch
    {
        IDictionary<string, object?> map => map.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!.ToString()!),
        IEnumerable<KeyValuePair<string, string>> pairs => pairs.ToDictionary(kv => kv.Key, kv => kv.Value),
        _ => [],
    };
}

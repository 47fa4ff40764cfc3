using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Http;

/// <summary>
/// Waits for an inbound request on <c>/workflows/{path}</c>. As the trigger that started the instance it completes at
/// once with the request; mid-flow it blocks on an <c>Elsa.HttpEndpoint</c> bookmark per method (research §2.6).
/// Authorize/policy are enforced by the host before the request runs (LowCodeErp.Workflows.Api HttpEndpointAuthorization);
/// the limits in HttpEndpoint.Limits.cs are accepted but not enforced yet.
/// </summary>
[Activity("Elsa", "HttpEndpoint", Category = "HTTP", DisplayName = "HTTP Endpoint", Kind = ActivityKind.Trigger,
    Description = "Wait for an inbound HTTP request that matches the specified path and methods.")]
public sealed partial class HttpEndpoint : Activity, ITrigger
{
    /// <summary>The path below <c>/workflows</c>.</summary>
    [Input(Description = "The path to associate with the workflow.", IsRequired = true)]
    public Input<string>? Path { get; set; }

    /// <summary>The methods this endpoint answers; GET when empty.</summary>
    [Input(Description = "The HTTP methods to accept.", UIHint = UIHints.CheckList)]
    public Input<List<string>>? SupportedMethods { get; set; }

    /// <summary>Require an authenticated caller (checked by the host before the request runs).</summary>
    [Input(Description = "Allow authenticated requests only.", DefaultValue = false)]
    public Input<bool>? Authorize { get; set; }

    /// <summary>Authorization policy the caller must pass when <see cref="Authorize"/> is set (e.g. <c>permission:workflows:run</c>).</summary>
    [Input(Description = "Provide a policy to evaluate. If the policy fails, the request is forbidden.")]
    public Input<string>? Policy { get; set; }

    /// <summary>The body: JSON parsed into plain values, otherwise the text.</summary>
    [Output(Description = "The parsed request content, if any.")]
    public Output<object> ParsedContent { get; set; } = new();

    /// <summary>Route values.</summary>
    [Output(Description = "The parsed route data, if any.")]
    public Output<object> RouteData { get; set; } = new();

    /// <summary>Query string values.</summary>
    [Output(Description = "The querystring data, if any.")]
    public Output<object> QueryStringData { get; set; } = new();

    /// <summary>Request headers.</summary>
    [Output(Description = "The headers, if any.")]
    public Output<object> Headers { get; set; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (context.Workflow.TryConsumeTrigger(Id))
        {
            await CompleteWithRequestAsync(context, context.Workflow.Input.AsReadOnly());
            return;
        }

        foreach (var payload in await PayloadsAsync(context))
        {
            context.CreateBookmark(new BookmarkRequest(HttpEndpointPayload.StimulusName, payload, IncludeActivityInstanceId: false));
        }
    }

    /// <inheritdoc />
    public override ValueTask OnResumeAsync(IActivityExecutionContext context, Bookmark bookmark) =>
        CompleteWithRequestAsync(context, context.ResumeInput);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<object>> GetTriggerPayloadsAsync(IActivityExecutionContext context) =>
        [.. await PayloadsAsync(context)];

    private async ValueTask<IReadOnlyList<HttpEndpointPayload>> PayloadsAsync(IActivityExecutionContext context)
    {
        var path = await context.EvaluateAsync(Path) ?? "";
        var methods = await context.EvaluateAsync(SupportedMethods);
        IEnumerable<string> chosen = methods is { Count: > 0 } ? methods : ["GET"];
        return [.. chosen.Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.OrdinalIgnoreCase).Select(m => HttpEndpointPayload.For(path, m))];
    }

    private ValueTask CompleteWithRequestAsync(IActivityExecutionContext context, IReadOnlyDictionary<string, object?> request)
    {
        context.Set(ParsedContent, request.GetValueOrDefault(HttpRequestKeys.Body));
        context.Set(RouteData, request.GetValueOrDefault(HttpRequestKeys.RouteData));
        context.Set(QueryStringData, request.GetValueOrDefault(HttpRequestKeys.Query));
        context.Set(Headers, request.GetValueOrDefault(HttpRequestKeys.Headers));
        return context.CompleteAsync();
    }
}

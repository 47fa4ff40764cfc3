using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace LowCodeErp.ServiceDefaults.Errors;

/// <summary>
/// A request body that is not the JSON an endpoint binds (or another request the framework rejects while binding)
/// answers with the framework's own status, 400 in the usual case, as ProblemDetails that say what could not be read,
/// and not as a 500 or a bodyless 400. <c>AddServiceDefaults</c> sets <see cref="Microsoft.AspNetCore.Routing.RouteHandlerOptions.ThrowOnBadRequest"/>
/// in every environment so that minimal APIs throw <see cref="BadHttpRequestException"/> to this handler. The detail
/// names the JSON path or the parameter, never CLR types or the reader's own exception text.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var status = badRequest.StatusCode;
        var previousStatus = httpContext.Response.StatusCode;
        httpContext.Response.StatusCode = status;
        var written = await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = status == StatusCodes.Status400BadRequest ? "The request could not be read" : ReasonPhrases.GetReasonPhrase(status),
                Detail = Detail(badRequest),
            },
        });
        if (!written)
        {
            // Another handler (or the developer exception page) answers instead: leave the response as it was.
            httpContext.Response.StatusCode = previousStatus;
        }

        return written;
    }

    private static string? Detail(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
            return json.Path is { Length: > 0 } path
                ? $"The JSON value at '{path}' is not valid{where}."
                : $"The body is not valid JSON{where}.";
        }

        // The framework's messages quote the parameter with its CLR type ("Required parameter \"string name\" …").
        return ParameterName().Match(exception.Message) is { Success: true } match
            ? $"The parameter '{match.Groups["name"].Value}' is missing or not valid."
            : exception.StatusCode == StatusCodes.Status400BadRequest ? "The request is not valid." : null;
    }

    [GeneratedRegex("""parameter "(?:[^"]*\s)?(?<name>[^"\s]+)" """, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ParameterName();
}

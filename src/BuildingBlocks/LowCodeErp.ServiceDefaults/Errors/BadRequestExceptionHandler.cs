using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace LowCodeErp.ServiceDefaults.Errors;

/// <summary>
/// A request body that is not the JSON an endpoint binds (or another request the framework rejects while binding)
/// answers with the framework's own status, 400 in the usual case, as ProblemDetails that say what could not be read,
/// and not as a 500. In Development, minimal APIs throw <see cref="BadHttpRequestException"/> for these instead of
/// answering 400, so without this the exception handler turned a client's mistake into a server error.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        // The JSON reader's message names the path and position of the problem ("… Path: $.content | LineNumber: …").
        var detail = badRequest.InnerException is { } inner ? $"{badRequest.Message} {inner.Message}" : badRequest.Message;
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Title = "The request could not be read", Detail = detail },
        });
    }
}

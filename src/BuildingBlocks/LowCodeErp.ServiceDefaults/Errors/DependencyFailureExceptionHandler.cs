using System.Globalization;
using LowCodeErp.ServiceDefaults.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace LowCodeErp.ServiceDefaults.Errors;

/// <summary>
/// A dependency that missed its budget (timeout) or whose circuit is open becomes 504/503 ProblemDetails for the caller,
/// not an anonymous 500: the caller learns what failed and that it may retry later.
/// </summary>
public sealed partial class DependencyFailureExceptionHandler(
    IProblemDetailsService problemDetails, IOptions<ServiceCallOptions> budget, ILogger<DependencyFailureExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        int status;
        string title, detail;
        switch (exception)
        {
            case TimeoutRejectedException timeout:
                (status, title) = (StatusCodes.Status504GatewayTimeout, "Dependency timed out");
                detail = $"A service this request depends on did not answer within {timeout.Timeout.TotalMilliseconds:0} ms.";
                break;
            case BrokenCircuitException:
                var pause = Math.Ceiling(budget.Value.BreakDuration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                (status, title) = (StatusCodes.Status503ServiceUnavailable, "Dependency unavailable");
                detail = $"A service this request depends on keeps failing; calls to it are paused for up to {pause} s.";
                httpContext.Response.Headers.RetryAfter = pause;
                break;
            default:
                return false;
        }

        LogDependencyFailure(logger, status, exception.GetType().Name);
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered {Status}: a dependency failed ({Failure}).")]
    private static partial void LogDependencyFailure(ILogger logger, int status, string failure);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace LowCodeErp.ServiceDefaults.Auth;

/// <summary>
/// The default result handling (challenge → 401, forbid → 403) plus a ProblemDetails body for 403 naming what was
/// missing (e.g. "This action requires the permission 'workflows:design'.").
/// </summary>
public sealed class ProblemDetailsAuthorizationResultHandler(IProblemDetailsService problemDetails) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    /// <inheritdoc />
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        await _default.HandleAsync(next, context, policy, authorizeResult);
        // A scheme that answers forbid with a redirect (cookies) keeps its answer.
        if (!authorizeResult.Forbidden || context.Response.HasStarted || context.Response.StatusCode != StatusCodes.Status403Forbidden)
        {
            return;
        }

        var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = reasons.Count > 0 ? string.Join(" ", reasons) : "The signed-in user may not do this.",
            },
        });
    }
}

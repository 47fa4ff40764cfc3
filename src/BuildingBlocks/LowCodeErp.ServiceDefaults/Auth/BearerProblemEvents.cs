using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace LowCodeErp.ServiceDefaults.Auth;

/// <summary>
/// Turns every rejected token into a 401 ProblemDetails saying why (expired, wrong issuer, ...), never a 500: even a
/// failure that is not a token problem (an event handler throwing, the issuer's keys unreachable) ends as a response.
/// </summary>
public static class BearerProblemEvents
{
    /// <summary>Chains onto <paramref name="events"/>, keeping handlers already there (Microsoft.Identity.Web adds some).</summary>
    public static void Attach(JwtBearerEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var failed = events.OnAuthenticationFailed;
        events.OnAuthenticationFailed = async context =>
        {
            await failed(context);
            // Without a result the handler rethrows the exception, and the caller would see a 500.
            if (context.Result is null)
            {
                context.Fail(context.Exception);
            }
        };
        events.OnChallenge = WriteChallengeAsync;
    }

    private static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var response = context.HttpContext.Response;
        if (response.HasStarted)
        {
            return;
        }

        var (status, title, detail) = Describe(context.AuthenticateFailure);
        response.StatusCode = status;
        response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{detail}\"";
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static (int Status, string Title, string Detail) Describe(Exception? failure) => failure switch
    {
        null => (401, "Unauthorized", "A bearer token is required."),
        SecurityTokenExpiredException => (401, "Unauthorized", "The token has expired."),
        SecurityTokenNotYetValidException => (401, "Unauthorized", "The token is not valid yet."),
        SecurityTokenInvalidIssuerException => (401, "Unauthorized", "The token's issuer is not trusted."),
        SecurityTokenInvalidAudienceException => (401, "Unauthorized", "The token was not issued for this API (audience)."),
        // Also what an unreachable Authority looks like: without its JWKS no key matches.
        SecurityTokenSignatureKeyNotFoundException => (401, "Unauthorized",
            "The token's signature is invalid: no trusted signing key matches it (or the identity provider's keys could not be loaded)."),
        SecurityTokenInvalidSignatureException => (401, "Unauthorized", "The token's signature is invalid."),
        SecurityTokenMalformedException or ArgumentException => (401, "Unauthorized", "The token is malformed."),
        SecurityTokenException => (401, "Unauthorized", "The token was rejected."),
        // Microsoft.Identity.Web fails tokens without app roles or scopes (IDW10201) this way.
        UnauthorizedAccessException or AuthenticationFailureException when failure.Message.Contains("IDW10201", StringComparison.Ordinal) =>
            (401, "Unauthorized", "The token grants no role or scope for this API."),
        // IDX20803: discovery/JWKS could not be fetched. Not the caller's fault, and retrying later may work.
        InvalidOperationException when failure.Message.Contains("IDX20803", StringComparison.Ordinal) =>
            (503, "Sign-in unavailable", "The identity provider's signing keys could not be loaded."),
        _ => (401, "Unauthorized", "The token was rejected."),
    };
}

using LowCodeErp.Identity;
using LowCodeErp.Identity.Sessions;
using LowCodeErp.ServiceDefaults.OpenApi;
using LowCodeErp.Studio.Auth;
using Microsoft.AspNetCore.Authorization;

namespace LowCodeErp.Server.Auth;

/// <summary>
/// Browser pages of the embedded shape (Elsa Studio, Scalar): they need the login cookie of the single sign-on service
/// (anonymous visitors are sent to <c>/account/login</c>), and each page gets a short-lived access token of the signed-in
/// user to call the APIs with.
/// </summary>
public sealed class SignedInUserPageTokens : IStudioAccessTokenProvider, IApiDocsAccessTokenProvider
{
    /// <summary>The policy of Studio's host pages.</summary>
    public const string PagePolicy = "studio-page";

    /// <inheritdoc />
    public async ValueTask<string?> GetAccessTokenAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await context.RequestServices.GetRequiredService<SessionAccessTokens>().ForSignedInUserAsync(context);
    }

    /// <summary>Signed in with the login cookie (a bearer token is no use to a page a browser navigates to).</summary>
    public static void AddPagePolicy(AuthorizationBuilder authorization) =>
        authorization.AddPolicy(PagePolicy, policy => policy
            .AddAuthenticationSchemes(IdentityServiceDefaults.CookieScheme)
            .RequireAuthenticatedUser());
}

using LowCodeErp.Identity.Persistence;
using LowCodeErp.Identity.Tokens;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LowCodeErp.Identity.Endpoints;

/// <summary>
/// <c>/connect/authorize</c> (authorization code + PKCE; OpenIddict has validated client, redirect URI and challenge) and
/// <c>/connect/endsession</c>. The user is known from the login cookie; without it they are sent to the login page and
/// come back here. Clients are first-party, so there is no consent screen.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<ErpUser> users, TokenPrincipals principals)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var session = await context.AuthenticateAsync(IdentityServiceDefaults.CookieScheme);
        var user = session.Succeeded && session.Principal.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        var mustSignIn = user is null || request.HasPromptValue(PromptValues.Login) || TooOld(session, request.MaxAge);
        if (mustSignIn && request.HasPromptValue(PromptValues.None))
        {
            return OAuthResults.Error(Errors.LoginRequired, "The user is not signed in.");
        }

        if (mustSignIn)
        {
            // prompt=login must not loop back here with the same prompt, so it is dropped from the return URL.
            var parameters = context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList();
            var query = QueryString.Create(parameters.Where(p => p.Key != Parameters.Prompt || !request.HasPromptValue(PromptValues.Login)));
            await context.SignOutAsync(IdentityServiceDefaults.CookieScheme);
            return TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + query },
                [IdentityServiceDefaults.CookieScheme]);
        }

        if (!await principals.CanSignInAsync(user!))
        {
            await context.SignOutAsync(IdentityServiceDefaults.CookieScheme);
            return OAuthResults.Error(Errors.AccessDenied, "The account is disabled or locked.");
        }

        return OAuthResults.SignIn(await principals.ForUserAsync(user!, request.GetScopes()));
    }

    /// <summary>Ends the login session and lets OpenIddict redirect to the client's registered post-logout URI.</summary>
    public static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(IdentityServiceDefaults.CookieScheme);
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static bool TooOld(AuthenticateResult session, long? maxAge) =>
        maxAge is { } seconds && session.Properties?.IssuedUtc is { } issued
        && DateTimeOffset.UtcNow - issued > TimeSpan.FromSeconds(seconds);
}

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
/// <c>POST /connect/token</c>. OpenIddict has already validated the client, the grant type (a grant that is not enabled
/// never gets here: it answers <c>unsupported_grant_type</c>), codes, PKCE verifiers and refresh tokens; this decides who
/// the token is for and builds its claims afresh.
/// </summary>
internal static class TokenEndpoint
{
    private const string BadCredentials = "The user name or password is invalid.";

    public static async Task<IResult> ExchangeAsync(
        HttpContext context, UserManager<ErpUser> users, SignInManager<ErpUser> signIn, TokenPrincipals principals,
        IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsPasswordGrantType())
        {
            var user = await users.FindByNameAsync(request.Username ?? "");
            if (user is null || user.IsDisabled)
            {
                return OAuthResults.Error(Errors.InvalidGrant, BadCredentials);
            }

            // Counts failures towards lockout exactly as the login form does.
            var result = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
            return result.Succeeded
                ? OAuthResults.SignIn(await principals.ForUserAsync(user, request.GetScopes()))
                : OAuthResults.Error(Errors.InvalidGrant, result.IsLockedOut ? "The account is locked." : BadCredentials);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted)
                ?? throw new InvalidOperationException("The validated client no longer exists.");
            var displayName = await applications.GetDisplayNameAsync(application, context.RequestAborted);
            return OAuthResults.SignIn(principals.ForClient(request.ClientId!, displayName, request.GetScopes()));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token's principal names the user; re-read them so a disabled user or changed roles count.
            var granted = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = granted.Principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
            if (user is null || !await principals.CanSignInAsync(user))
            {
                return OAuthResults.Error(Errors.InvalidGrant, "The user is no longer allowed to sign in.");
            }

            return OAuthResults.SignIn(await principals.ForUserAsync(user, granted.Principal!.GetScopes()));
        }

        return OAuthResults.Error(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }
}

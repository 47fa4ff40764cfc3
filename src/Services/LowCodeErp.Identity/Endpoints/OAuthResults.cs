using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace LowCodeErp.Identity.Endpoints;

/// <summary>Results that hand control back to OpenIddict, which writes the OAuth response (tokens, redirect or error).</summary>
internal static class OAuthResults
{
    /// <summary>Issue tokens (or an authorization code) for the principal.</summary>
    public static IResult SignIn(ClaimsPrincipal principal) =>
        TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    /// <summary>An OAuth error response, e.g. <c>invalid_grant</c> (400 at the token endpoint).</summary>
    public static IResult Error(string error, string description) =>
        TypedResults.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

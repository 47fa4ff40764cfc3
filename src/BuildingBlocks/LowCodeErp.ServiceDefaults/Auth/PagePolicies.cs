using Microsoft.AspNetCore.Authorization;

namespace LowCodeErp.ServiceDefaults.Auth;

/// <summary>
/// The one policy of browser pages (Elsa Studio's host pages, the staff web application and its interactive circuit):
/// a user signed in with the single sign-on's login cookie. A bearer token is no use to a page a browser navigates
/// to, and a visitor without the cookie is challenged, i.e. sent to the login page.
/// </summary>
public static class PagePolicies
{
    /// <summary>The policy's name.</summary>
    public const string SignedInPage = "signed-in-page";

    /// <summary>Registers <see cref="SignedInPage"/> for <paramref name="authenticationScheme"/> (null: the host's default scheme).</summary>
    public static AuthorizationBuilder AddSignedInPagePolicy(this AuthorizationBuilder authorization, string? authenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization.AddPolicy(SignedInPage, policy =>
        {
            if (authenticationScheme is not null)
            {
                policy.AddAuthenticationSchemes(authenticationScheme);
            }

            policy.RequireAuthenticatedUser();
        });
    }
}

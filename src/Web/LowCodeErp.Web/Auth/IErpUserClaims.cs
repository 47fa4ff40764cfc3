using System.Security.Claims;

namespace LowCodeErp.Web.Auth;

/// <summary>
/// Turns the signed-in session (e.g. the single sign-on's login cookie, which carries only subject and name) into a
/// principal with the access token's claims: <c>preferred_username</c>, <c>role</c> and <c>permissions</c>. Read again
/// while the user works, so a disabled user or a changed role takes effect without a new sign-in.
/// </summary>
public interface IErpUserClaims
{
    /// <summary>The token-shaped principal, or null when the user may no longer work (unknown, disabled, locked out).</summary>
    Task<ClaimsPrincipal?> ResolveAsync(ClaimsPrincipal signedIn, CancellationToken cancellationToken);
}

/// <summary>The default: the session already carries the token's claims (e.g. an OpenID Connect sign-in that saved them).</summary>
internal sealed class SignedInPrincipalClaims : IErpUserClaims
{
    public Task<ClaimsPrincipal?> ResolveAsync(ClaimsPrincipal signedIn, CancellationToken cancellationToken) =>
        Task.FromResult<ClaimsPrincipal?>(signedIn.Identity?.IsAuthenticated == true ? signedIn : null);
}

using System.Security.Claims;
using LowCodeErp.Identity.Tokens;
using LowCodeErp.Web.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LowCodeErp.Server.Auth;

/// <summary>
/// The staff web application in the embedded shape: the login cookie names the user (subject); roles and permissions
/// come from the single sign-on's user store exactly as they would go into an access token (<see cref="TokenPrincipals"/>).
/// Disabled or locked-out users get none.
/// </summary>
public sealed class SignedInUserWebClaims(IServiceScopeFactory scopes) : IErpUserClaims
{
    /// <inheritdoc />
    public async Task<ClaimsPrincipal?> ResolveAsync(ClaimsPrincipal signedIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        if (signedIn.FindFirstValue(Claims.Subject) is not { } subject)
        {
            return null;
        }

        // A scope per call: the circuit lives for hours, the user store's DbContext must not.
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TokenPrincipals>()
            .ForSubjectAsync(subject, [Scopes.OpenId, Scopes.Profile, Scopes.Roles]);
    }
}

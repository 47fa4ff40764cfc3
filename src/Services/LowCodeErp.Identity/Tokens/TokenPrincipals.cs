using System.Security.Claims;
using LowCodeErp.Identity.Configuration;
using LowCodeErp.Identity.Persistence;
using LowCodeErp.Identity.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LowCodeErp.Identity.Tokens;

/// <summary>
/// Builds the principal OpenIddict turns into tokens, with the contract's claims: <c>sub</c>, <c>name</c>,
/// <c>preferred_username</c>, one <c>role</c> per role, one <c>permissions</c> per permission, audience <c>erp-api</c>.
/// Permissions are computed now, so a role change takes effect at the next sign-in or refresh.
/// </summary>
public sealed class TokenPrincipals(UserManager<ErpUser> users, PermissionResolver permissions, IOptions<IdentityServiceOptions> options)
{
    /// <summary>Whether the user may get tokens now (not disabled, not locked out).</summary>
    public async Task<bool> CanSignInAsync(ErpUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && !await users.IsLockedOutAsync(user);
    }

    /// <summary>The principal of the user with id <paramref name="subject"/>; null when unknown, disabled or locked out.</summary>
    public async Task<ClaimsPrincipal?> ForSubjectAsync(string subject, IEnumerable<string> scopes)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        return await users.FindByIdAsync(subject) is { } user && await CanSignInAsync(user) ? await ForUserAsync(user, scopes) : null;
    }

    /// <summary>A user's principal for the granted scopes.</summary>
    public async Task<ClaimsPrincipal> ForUserAsync(ErpUser user, IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(user);
        var roles = await users.GetRolesAsync(user);
        var identity = NewIdentity(user.Id, user.DisplayName, user.UserName ?? user.Id);
        identity.SetClaims(Claims.Role, [.. roles.Order(StringComparer.Ordinal)]);
        identity.SetClaims(ErpPermissions.ClaimType, [.. await permissions.ForRolesAsync(roles)]);
        return Finish(identity, scopes);
    }

    /// <summary>A service client acting as itself (client credentials): permissions from its configuration.</summary>
    public ClaimsPrincipal ForClient(string clientId, string? displayName, IEnumerable<string> scopes)
    {
        var configured = options.Value.Clients.TryGetValue(clientId, out var client) ? client.Permissions : [];
        var identity = NewIdentity(clientId, displayName ?? clientId, clientId);
        identity.SetClaims(ErpPermissions.ClaimType, [.. configured.Distinct(StringComparer.Ordinal)]);
        return Finish(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity(string subject, string name, string userName)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject).SetClaim(Claims.Name, name).SetClaim(Claims.PreferredUsername, userName);
        return identity;
    }

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes([.. scopes]);
        // Every token is for the ERP APIs: one audience, whichever scopes were asked for.
        identity.SetResources([ClientCatalog.ApiResource]);
        identity.SetDestinations(DestinationsOf);
        return new ClaimsPrincipal(identity);
    }

    // Everything goes into the access token (the APIs authorize from it); the identity token gets profile and roles
    // only when those scopes were granted, as OpenID Connect specifies.
    private static IEnumerable<string> DestinationsOf(Claim claim) => claim.Type switch
    {
        Claims.Name or Claims.PreferredUsername when claim.Subject!.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Role when claim.Subject!.HasScope(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
        _ => [Destinations.AccessToken],
    };
}

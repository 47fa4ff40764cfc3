using System.Security.Claims;
using LowCodeErp.Identity.Configuration;
using LowCodeErp.Identity.Persistence;
using LowCodeErp.Identity.Seeding;
using LowCodeErp.Identity.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LowCodeErp.Identity.Sessions;

/// <summary>
/// Access tokens for pages the server renders itself (Elsa Studio's host page) for the user signed in with the login
/// cookie: the page is first-party and same-origin, so instead of a browser-side code flow the server hands the page a
/// short-lived token with the contract's claims, signed with the same key and checked the same way as every token from
/// <c>/connect/token</c>. Disabled or locked users get none.
/// </summary>
public sealed class SessionAccessTokens(
    TokenPrincipals principals, IOptionsMonitor<OpenIddictServerOptions> server,
    IOptions<IdentityServiceOptions> options, TimeProvider clock)
{
    /// <summary>The cookie user's token, or null when nobody (allowed to) is signed in.</summary>
    public async Task<string?> ForSignedInUserAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = await context.AuthenticateAsync(IdentityServiceDefaults.CookieScheme);
        if (session.Principal?.FindFirstValue(Claims.Subject) is not { } subject
            || await principals.ForSubjectAsync(subject, [Scopes.OpenId, Scopes.Profile, Scopes.Roles, ClientCatalog.ApiResource]) is not { } principal)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var issuer = options.Value.Issuer is { Length: > 0 } configured ? configured : $"{context.Request.Scheme}://{context.Request.Host}/";
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = ClientCatalog.ApiResource,
            Subject = new ClaimsIdentity(principal.Claims.Where(c => c.Type is not (Claims.Private.Scope or Claims.Private.Resource))),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.AccessTokenLifetime,
            TokenType = "at+jwt",
            SigningCredentials = server.CurrentValue.SigningCredentials[0],
        });
    }
}

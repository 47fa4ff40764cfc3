using System.Security.Claims;
using System.Text.Encodings.Web;
using LowCodeErp.Workflows.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Server.Auth;

/// <summary>
/// The embedded shape's stand-in for sign-in: every request is the "embedded-admin" user with permissions <c>*</c>, which
/// satisfies the API's <c>WorkflowsApi</c> policy. It is replaced by single sign-on (issue 5); do not expose an embedded
/// server beyond localhost until then.
/// </summary>
public sealed class EmbeddedAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Scheme name.</summary>
    public const string SchemeName = "Embedded";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "embedded-admin"),
            new Claim(ClaimTypes.Name, "embedded-admin"),
            new Claim(ElsaApiAuthorization.PermissionsClaim, "*"),
        ], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

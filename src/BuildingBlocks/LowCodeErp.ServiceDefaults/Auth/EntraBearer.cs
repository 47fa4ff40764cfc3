using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

namespace LowCodeErp.ServiceDefaults.Auth;

/// <summary>
/// Microsoft Entra ID access tokens through Microsoft.Identity.Web, single-tenant. Entra puts app roles in <c>roles</c>;
/// after validation they are mapped to ERP roles (<see cref="EntraOptions.AppRoles"/>, else the same name) and the ERP
/// <c>role</c> and <c>permissions</c> claims are added, so policies do not care which provider signed the token.
/// </summary>
public static class EntraBearer
{
    /// <summary>Entra's claim for app roles.</summary>
    public const string AppRolesClaim = "roles";

    /// <summary>Registers Microsoft.Identity.Web's web-API handler under the bearer scheme.</summary>
    public static AuthenticationBuilder AddEntraBearer(this AuthenticationBuilder authentication, IConfigurationSection auth)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(auth);
        var entra = auth.GetSection(nameof(ErpAuthOptions.Entra));
        authentication.AddMicrosoftIdentityWebApi(
            _ => { },
            identity =>
            {
                identity.Instance = entra[nameof(EntraOptions.Instance)] ?? new EntraOptions().Instance;
                identity.TenantId = entra[nameof(EntraOptions.TenantId)];
                identity.ClientId = entra[nameof(EntraOptions.ClientId)];
            },
            JwtBearerDefaults.AuthenticationScheme);
        return authentication;
    }

    /// <summary>Validation for the tenant's tokens and the app role mapping (runs after Microsoft.Identity.Web's own setup).</summary>
    public static void Configure(JwtBearerOptions jwt, EntraOptions entra)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        ArgumentNullException.ThrowIfNull(entra);
        var parameters = jwt.TokenValidationParameters;
        parameters.ValidAudiences = [entra.ClientId!, $"api://{entra.ClientId}"];
        parameters.ValidAudience = null;
        // Single tenant: the plain issuer check against this tenant's v2.0 and v1.0 issuers, instead of
        // Microsoft.Identity.Web's multi-tenant validator (which fetches Entra's metadata to learn issuer templates).
        parameters.ValidIssuers = [entra.Issuer, $"https://sts.windows.net/{entra.TenantId}/"];
        parameters.IssuerValidator = (issuer, _, validation) => validation.ValidIssuers.Contains(issuer, StringComparer.Ordinal)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException($"Issuer '{issuer}' is not this tenant's.") { InvalidIssuer = issuer };
        var events = jwt.Events ??= new JwtBearerEvents();
        var validated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (context.Principal?.Identity is ClaimsIdentity identity)
            {
                var mapping = context.HttpContext.RequestServices.GetRequiredService<IOptions<ErpAuthOptions>>().Value.Entra.AppRoles;
                AddErpClaims(identity, mapping);
            }
        };
    }

    /// <summary>Adds the ERP <c>role</c> and <c>permissions</c> claims for the identity's Entra app roles.</summary>
    public static void AddErpClaims(ClaimsIdentity identity, IDictionary<string, string> appRoleMapping)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(appRoleMapping);
        var roles = identity.FindAll(AppRolesClaim)
            .Select(claim => appRoleMapping.TryGetValue(claim.Value, out var mapped) ? mapped : claim.Value)
            .Where(ErpPermissions.ByRole.ContainsKey)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        // Only app roles grant permissions: whatever else arrives under the ERP claim names is dropped first.
        foreach (var claim in identity.FindAll(c => c.Type is ErpClaimTypes.Permissions or ErpClaimTypes.Role).ToList())
        {
            identity.RemoveClaim(claim);
        }

        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(ErpClaimTypes.Role, role.ToLowerInvariant()));
        }

        foreach (var permission in ErpPermissions.ForRoles(roles))
        {
            identity.AddClaim(new Claim(ErpClaimTypes.Permissions, permission));
        }
    }
}

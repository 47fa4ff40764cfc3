using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace LowCodeErp.ServiceDefaults.Auth;

/// <summary>
/// Bearer-token validation for <c>Auth:Provider</c> <c>Local</c> (the ERP identity service) or <c>Entra</c>; both end in
/// the same principal: <c>name</c>, <c>role</c> and <c>permissions</c> claims, checked by <see cref="PermissionPolicies"/>.
/// </summary>
public static class AuthenticationSetup
{
    /// <summary>Registers the scheme <see cref="JwtBearerDefaults.AuthenticationScheme"/>, the policies and ProblemDetails bodies for 401/403.</summary>
    public static IHostApplicationBuilder AddErpAuthentication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(ErpAuthOptions.Section);
        var services = builder.Services;
        services.AddOptions<ErpAuthOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => o.Provider != AuthProvider.Local || !string.IsNullOrWhiteSpace(o.Authority) || o.SigningKeys.Count > 0,
                "Auth:Authority (the identity service's URL) or Auth:SigningKeys must be set.")
            .Validate(o => o.Provider != AuthProvider.Local || o.SigningKeys.Count == 0 || !string.IsNullOrWhiteSpace(o.Issuer),
                "Auth:Issuer must be set together with Auth:SigningKeys.")
            .Validate(o => o.Provider != AuthProvider.Entra || (!string.IsNullOrWhiteSpace(o.Entra.TenantId) && !string.IsNullOrWhiteSpace(o.Entra.ClientId)),
                "Auth:Entra:TenantId and Auth:Entra:ClientId must be set when Auth:Provider is Entra.")
            .ValidateOnStart();

        // The provider decides which handler registrations exist, so it is read now rather than through IOptions.
        var authentication = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        if (section.GetValue(nameof(ErpAuthOptions.Provider), AuthProvider.Local) == AuthProvider.Entra)
        {
            authentication.AddEntraBearer(section);
        }
        else
        {
            authentication.AddJwtBearer();
        }

        // Registered after Microsoft.Identity.Web's own configuration, so these settings win where both set something.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<ErpAuthOptions>>((jwt, auth) => Configure(jwt, auth.Value));
        services.AddPermissionPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemDetailsAuthorizationResultHandler>();
        return builder;
    }

    private static void Configure(JwtBearerOptions jwt, ErpAuthOptions auth)
    {
        jwt.MapInboundClaims = false;
        jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        var parameters = jwt.TokenValidationParameters;
        parameters.NameClaimType = ErpClaimTypes.Name;
        parameters.RoleClaimType = ErpClaimTypes.Role;
        parameters.ValidateIssuer = true;
        parameters.ValidateAudience = true;
        parameters.ValidateLifetime = true;
        parameters.RequireExpirationTime = true;
        parameters.ClockSkew = auth.ClockSkew;
        string? issuer;
        if (auth.Provider == AuthProvider.Entra)
        {
            EntraBearer.Configure(jwt, auth.Entra);
            issuer = auth.Entra.Issuer;
        }
        else
        {
            jwt.Authority = auth.Authority;
            jwt.Audience = auth.Audience;
            parameters.ValidAudience = auth.Audience;
            parameters.ValidIssuer = auth.Issuer;
            issuer = auth.Issuer;
        }

        if (auth.SigningKeys.Count > 0)
        {
            // Explicit keys: a fixed configuration, so nothing is ever fetched from the issuer.
            var keys = SigningKeys.Parse(auth.SigningKeys);
            var configuration = new OpenIdConnectConfiguration { Issuer = issuer };
            foreach (var key in keys)
            {
                configuration.SigningKeys.Add(key);
            }

            parameters.IssuerSigningKeys = keys;
            jwt.ConfigurationManager = new FixedConfigurationManager(configuration);
        }

        BearerProblemEvents.Attach(jwt.Events ??= new JwtBearerEvents());
    }
}

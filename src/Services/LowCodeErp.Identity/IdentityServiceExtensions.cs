using LowCodeErp.Identity.Admin;
using LowCodeErp.Identity.Configuration;
using LowCodeErp.Identity.Endpoints;
using LowCodeErp.Identity.Persistence;
using LowCodeErp.Identity.Seeding;
using LowCodeErp.Identity.Signing;
using LowCodeErp.Identity.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LowCodeErp.Identity;

/// <summary>Composes the identity service into a host: the standalone Program.cs or the embedded server.</summary>
public static class IdentityServiceExtensions
{
    /// <summary>
    /// Registers ASP.NET Core Identity, the OpenIddict server (discovery, JWKS, authorize, token, end-session, revocation),
    /// the login cookie, the admin policy and start-up seeding. Adds named authentication schemes only; the host keeps its
    /// default scheme. The host must call <c>UseAuthentication</c> and <c>UseAuthorization</c>.
    /// </summary>
    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(IdentityServiceOptions.Section);
        var options = section.Get<IdentityServiceOptions>() ?? new IdentityServiceOptions();
        services.AddOptions<IdentityServiceOptions>().Bind(section);

        services.AddIdentityStore(IdentityDatabaseOptions.FromConfiguration(builder.Configuration, options.DataFolder));
        services.AddIdentityCore<ErpUser>(identity =>
            {
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                identity.ClaimsIdentity.UserNameClaimType = Claims.Name;
                identity.ClaimsIdentity.RoleClaimType = Claims.Role;
            })
            .AddRoles<ErpRole>()
            .AddEntityFrameworkStores<IdentityStoreDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        AddOpenIddict(services, options, builder.Environment);
        services.AddAuthentication().AddCookie(IdentityServiceDefaults.CookieScheme, cookie =>
        {
            cookie.LoginPath = LoginEndpoints.Path;
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Cookie.Name = ".LowCodeErp.Identity";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        AdminAuthorization.AddPolicy(services.AddAuthorizationBuilder());
        services.AddAntiforgery();
        services.AddProblemDetails();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<PermissionResolver>();
        services.AddScoped<TokenPrincipals>();
        services.AddScoped<Sessions.SessionAccessTokens>();
        services.AddHostedService<IdentitySeeder>();
        return builder;
    }

    /// <summary>Maps the OpenID Connect passthrough endpoints, the login page and <c>/api/identity</c> (admin).</summary>
    public static WebApplication MapIdentityService(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        string[] getAndPost = [HttpMethods.Get, HttpMethods.Post];
        // Anonymous on purpose: these are how one signs in, even if the host adds a fallback policy.
        app.MapMethods("/connect/authorize", getAndPost, AuthorizeEndpoint.AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(IdentityServiceDefaults.TokenPath, TokenEndpoint.ExchangeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/endsession", getAndPost, (Delegate)AuthorizeEndpoint.EndSessionAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(LoginEndpoints.Path, LoginEndpoints.Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(LoginEndpoints.Path, LoginEndpoints.SubmitAsync).AllowAnonymous().ExcludeFromDescription();

        app.MapGroup("/api/identity").RequireAuthorization(AdminAuthorization.PolicyName).MapUserAdmin().MapRoleAdmin();
        return app;
    }

    private static void AddOpenIddict(IServiceCollection services, IdentityServiceOptions options, IHostEnvironment environment)
    {
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityStoreDbContext>())
            .AddServer(server =>
            {
                if (!string.IsNullOrWhiteSpace(options.Issuer))
                {
                    server.SetIssuer(new Uri(options.Issuer, UriKind.Absolute));
                }

                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris(IdentityServiceDefaults.TokenPath.TrimStart('/'))
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetRevocationEndpointUris("connect/revoke");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AllowClientCredentialsFlow().AllowRefreshTokenFlow();
                // Not enabled = OpenIddict answers unsupported_grant_type before any handler runs.
                if (options.EnablePasswordGrant ?? environment.IsDevelopment())
                {
                    server.AllowPasswordFlow();
                }

                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, ClientCatalog.ApiResource);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime).SetRefreshTokenLifetime(options.RefreshTokenLifetime);
                server.AddSigningCertificate(IdentityCertificates.Signing(options))
                    .AddEncryptionCertificate(IdentityCertificates.Encryption(options));
                // Plain signed JWTs: every service validates them locally from the JWKS (AUTH-CONTRACT.md).
                server.DisableAccessTokenEncryption();

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!options.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                // The admin API validates this server's own tokens in-process (no HTTP round trip to discovery).
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddAudiences(ClientCatalog.ApiResource);
            });
    }
}

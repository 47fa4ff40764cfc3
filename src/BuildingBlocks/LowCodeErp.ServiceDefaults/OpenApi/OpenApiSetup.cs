using LowCodeErp.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace LowCodeErp.ServiceDefaults.OpenApi;

/// <summary>The OpenAPI document (Microsoft.AspNetCore.OpenApi) declaring bearer auth, and Scalar over it; both only for signed-in users.</summary>
public static class OpenApiSetup
{
    /// <summary>Security scheme name in the document.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>Registers document <c>v1</c> with the bearer security scheme applied to every operation.</summary>
    public static IServiceCollection AddErpOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token of the ERP identity service (or Microsoft Entra ID), audience erp-api.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
            return Task.CompletedTask;
        }));

    /// <summary>
    /// <c>/openapi/v1.json</c> and <c>/scalar/v1</c>, both behind <see cref="PermissionPolicies.ApiDocs"/>. Scalar's bearer
    /// field is filled with the user's token when an <see cref="IApiDocsAccessTokenProvider"/> is registered.
    /// </summary>
    public static IEndpointRouteBuilder MapErpOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().RequireAuthorization(PermissionPolicies.ApiDocs);
        endpoints.MapScalarApiReference(async (options, context) =>
            {
                options.AddPreferredSecuritySchemes(BearerScheme);
                // Nothing leaves the installation: no CDN fonts, no telemetry, no hosted AI chat, no SDK/deploy upsell.
                options.DefaultFonts = false;
                options.Telemetry = false;
                options.Agent = new ScalarAgentOptions { Disabled = true };
                options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
                var tokens = context.RequestServices.GetService<IApiDocsAccessTokenProvider>();
                var token = tokens is null ? null : await tokens.GetAccessTokenAsync(context);
                if (token is not null)
                {
                    options.AddHttpAuthentication(BearerScheme, scheme => scheme.Token = token);
                    context.Response.Headers.CacheControl = "no-store"; // the page now holds a personal token
                }
            })
            .RequireAuthorization(PermissionPolicies.ApiDocs)
            .AllowCookieRedirect(); // a browser without a session goes to the login page, not to a bare 401
        return endpoints;
    }
}

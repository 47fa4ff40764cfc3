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

    /// <summary><c>/openapi/v1.json</c> and <c>/scalar/v1</c>, both behind <see cref="PermissionPolicies.SignedIn"/>.</summary>
    public static IEndpointRouteBuilder MapErpOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().RequireAuthorization(PermissionPolicies.SignedIn);
        endpoints.MapScalarApiReference(options => options.AddPreferredSecuritySchemes(BearerScheme))
            .RequireAuthorization(PermissionPolicies.SignedIn);
        return endpoints;
    }
}

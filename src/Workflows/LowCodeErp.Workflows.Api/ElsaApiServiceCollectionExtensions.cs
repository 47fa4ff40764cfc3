using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Api;

/// <summary>
/// The authorization policy every protected API route requires (a signed-in user with permissions); each route adds
/// the permission it needs (<see cref="ErpPermissions"/>): reading, designing, running or administration.
/// </summary>
public static class ElsaApiAuthorization
{
    /// <summary>Policy name.</summary>
    public const string PolicyName = "WorkflowsApi";

    /// <summary>Claim carrying permissions (Elsa's convention; <c>*</c> = all).</summary>
    public const string PermissionsClaim = ErpClaimTypes.Permissions;
}

/// <summary>Registers what the API needs (call <c>AddWorkflowEngine</c> and <c>AddWorkflowRuntime</c> as well).</summary>
public static class ElsaApiServiceCollectionExtensions
{
    /// <summary>
    /// JSON as Elsa writes it, ProblemDetails for errors, and the <see cref="ElsaApiAuthorization.PolicyName"/> policy:
    /// an authenticated user with a <c>permissions</c> claim. The host supplies the authentication scheme.
    /// </summary>
    public static IServiceCollection AddElsaApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure<JsonOptions>(o => ApiJson.Apply(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddSingleton<DefinitionDocuments>();
        services.AddAuthorizationBuilder().AddPolicy(ElsaApiAuthorization.PolicyName, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(ElsaApiAuthorization.PermissionsClaim));
        return services;
    }
}

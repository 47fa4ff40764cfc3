using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.ServiceDefaults.Auth;

/// <summary>A policy requirement: the user holds <see cref="Permission"/> (or <c>*</c>).</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Checks <see cref="PermissionRequirement"/> against the <c>permissions</c> claims; a failure names the permission.</summary>
public sealed class PermissionAuthorizationHandler : AuthorizationHandler<PermissionRequirement>
{
    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.User.HasClaim(c => c.Type == ErpClaimTypes.Permissions && (c.Value == requirement.Permission || c.Value == ErpPermissions.All)))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"This action requires the permission '{requirement.Permission}'."));
        }

        return Task.CompletedTask;
    }
}

/// <summary>Named policies: one per permission (<see cref="ErpPermissions.PolicyName"/>) and <see cref="SignedIn"/>.</summary>
public static class PermissionPolicies
{
    /// <summary>Any signed-in user.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>The OpenAPI document and Scalar: any signed-in user (by token; by login cookie too where a process opts in).</summary>
    public const string ApiDocs = "api-docs";

    /// <summary>Registers the policies and their handler.</summary>
    public static IServiceCollection AddPermissionPolicies(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, PermissionAuthorizationHandler>();
        var policies = services.AddAuthorizationBuilder().AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(ApiDocs, policy => policy.RequireAuthenticatedUser());
        foreach (var permission in ErpPermissions.Known)
        {
            policies.AddPolicy(ErpPermissions.PolicyName(permission), policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission)));
        }

        return services;
    }

    /// <summary>The endpoint needs a valid token carrying <paramref name="permission"/> (or <c>*</c>).</summary>
    /// <exception cref="ArgumentException">The permission is not one of <see cref="ErpPermissions.Known"/> (a typo would be a 500 at run time).</exception>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!ErpPermissions.Known.Contains(permission))
        {
            throw new ArgumentException($"'{permission}' is not an ERP permission; known: {string.Join(", ", ErpPermissions.Known)}.", nameof(permission));
        }

        return builder.RequireAuthorization(ErpPermissions.PolicyName(permission));
    }
}

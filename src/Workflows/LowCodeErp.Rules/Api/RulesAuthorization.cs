using Microsoft.AspNetCore.Authorization;

namespace LowCodeErp.Rules.Api;

/// <summary>
/// One policy per permission of the auth contract: reading rule sets needs <c>workflows:read</c>, changing them
/// <c>workflows:design</c> (analysts), evaluating them <c>workflows:run</c>. <c>*</c> (administrators) grants all.
/// </summary>
public static class RulesAuthorization
{
    /// <summary>The claim carrying permissions (one claim per permission).</summary>
    public const string PermissionsClaim = "permissions";
    /// <summary>Policy: read rule sets.</summary>
    public const string Read = "workflows:read";
    /// <summary>Policy: save, publish, retract, test, preview.</summary>
    public const string Design = "workflows:design";
    /// <summary>Policy: evaluate.</summary>
    public const string Run = "workflows:run";

    /// <summary>Adds the three policies (named after their permission).</summary>
    public static AuthorizationBuilder AddRulesPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var permission in new[] { Read, Design, Run })
        {
            builder.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                context.User.Claims.Any(c => c.Type == PermissionsClaim && (c.Value == permission || c.Value == "*"))));
        }

        return builder;
    }
}

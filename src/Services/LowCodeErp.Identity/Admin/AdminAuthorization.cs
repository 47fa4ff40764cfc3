using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;

namespace LowCodeErp.Identity.Admin;

/// <summary>
/// The admin API's policy: a bearer access token from this server (validated locally by OpenIddict's validation handler
/// under its own scheme, so a host's default scheme is untouched) carrying the <c>admin</c> permission or <c>*</c>.
/// </summary>
public static class AdminAuthorization
{
    /// <summary>Policy name.</summary>
    public const string PolicyName = "IdentityAdmin";

    internal static void AddPolicy(AuthorizationBuilder authorization) => authorization.AddPolicy(PolicyName, policy => policy
        .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(context => ErpPermissions.Grants(
            context.User.FindAll(ErpPermissions.ClaimType).Select(c => c.Value), ErpPermissions.Admin)));
}

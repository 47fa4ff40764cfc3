using System.Security.Claims;
using LowCodeErp.Web.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace LowCodeErp.Web.Components.Pages.Rules;

/// <summary>
/// The principal the rule pages act for: the circuit's signed-in user with the access token's claims (the login
/// cookie names only the subject), resolved again for every action so that a removed permission takes effect at once.
/// <see cref="LowCodeErp.Rules.Editing.RuleSetEditor"/> then checks the same permission policies as <c>/api/rules</c>.
/// </summary>
internal static class RulesPageUser
{
    public static async Task<ClaimsPrincipal?> ResolveAsync(AuthenticationStateProvider authentication, IErpUserClaims claims,
        CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await claims.ResolveAsync(state.User, cancellationToken);
    }
}

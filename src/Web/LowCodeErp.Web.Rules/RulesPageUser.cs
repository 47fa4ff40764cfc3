using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace LowCodeErp.Web.Rules;

/// <summary>
/// The principal the rule pages act for, carrying the access token's claims (<c>permissions</c>). By default the
/// circuit's signed-in user; a host whose session cookie carries only the subject (the embedded server's single
/// sign-on) registers a resolver that adds the roles' permissions, as the inbox does.
/// </summary>
public interface IRulesPageUser
{
    /// <summary>The user, or null when nobody (allowed to) is signed in.</summary>
    Task<ClaimsPrincipal?> GetAsync(CancellationToken cancellationToken = default);
}

/// <summary>The default: the circuit's authentication state as it is.</summary>
internal sealed class SignedInRulesPageUser(AuthenticationStateProvider authentication) : IRulesPageUser
{
    public async Task<ClaimsPrincipal?> GetAsync(CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.Identity?.IsAuthenticated == true ? state.User : null;
    }
}

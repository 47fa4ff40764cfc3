using System.Security.Claims;
using LowCodeErp.HumanTasks.Api;
using LowCodeErp.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace LowCodeErp.Web.Auth;

/// <summary>
/// The user of one circuit as the task service sees a caller: the same <see cref="TaskUser"/> and the same
/// permission policy as <c>/api/tasks</c> (<see cref="ErpPermissions.TasksWork"/>), so the inbox cannot do what the API would refuse.
/// Re-resolved after <see cref="RecheckAfter"/> so that a disabled user or a role change takes effect in an open page.
/// </summary>
public sealed class InboxUser(AuthenticationStateProvider authentication, IErpUserClaims claims, IAuthorizationService authorization, TimeProvider clock)
{
    /// <summary>How long a resolved user is reused within a circuit.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    private (TaskUser? User, string? DisplayName, DateTimeOffset At)? _resolved;

    /// <summary>The caller, or null when the session no longer allows working on tasks.</summary>
    public async Task<TaskUser?> GetAsync(CancellationToken cancellationToken = default)
    {
        await RefreshAsync(cancellationToken);
        return _resolved!.Value.User;
    }

    /// <summary>The display name for the app bar.</summary>
    public async Task<string?> DisplayNameAsync(CancellationToken cancellationToken = default)
    {
        await RefreshAsync(cancellationToken);
        return _resolved!.Value.DisplayName;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_resolved is { } resolved && now - resolved.At < RecheckAfter)
        {
            return;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        var principal = await claims.ResolveAsync(state.User, cancellationToken);
        TaskUser? user = null;
        if (principal is not null && (await authorization.AuthorizeAsync(principal, ErpPermissions.PolicyName(ErpPermissions.TasksWork))).Succeeded)
        {
            user = TaskUser.From(principal);
        }

        var displayName = principal?.FindFirst("name")?.Value ?? state.User.FindFirst("name")?.Value ?? state.User.Identity?.Name;
        _resolved = (user, displayName, now);
    }
}

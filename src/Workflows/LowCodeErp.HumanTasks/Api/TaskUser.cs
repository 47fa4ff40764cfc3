using System.Security.Claims;

namespace LowCodeErp.HumanTasks.Api;

/// <summary>
/// The caller as the auth contract describes it: user name from <c>preferred_username</c>, else <c>name</c>, else
/// <c>sub</c>; roles from the <c>role</c> claims. Task assignees and candidate users are these user names.
/// </summary>
public sealed record TaskUser(string Name, IReadOnlyList<string> Roles)
{
    /// <summary>The caller; null when the principal names nobody.</summary>
    public static TaskUser? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var name = principal.FindFirst("preferred_username")?.Value ?? principal.FindFirst("name")?.Value
                   ?? principal.FindFirst("sub")?.Value ?? principal.Identity?.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var roles = principal.FindAll("role").Concat(principal.FindAll(ClaimTypes.Role)).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        return new TaskUser(name, roles);
    }
}

using LowCodeErp.Identity.Persistence;
using Microsoft.AspNetCore.Identity;

namespace LowCodeErp.Identity.Tokens;

/// <summary>Permissions of a set of roles: the contract's table for built-in roles, role claims for roles added by an administrator.</summary>
public sealed class PermissionResolver(RoleManager<ErpRole> roles)
{
    /// <summary>The distinct permissions, in a stable order.</summary>
    public async Task<IReadOnlyList<string>> ForRolesAsync(IEnumerable<string> roleNames)
    {
        ArgumentNullException.ThrowIfNull(roleNames);
        var permissions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in roleNames)
        {
            permissions.UnionWith(await ForRoleAsync(name));
        }

        return [.. permissions];
    }

    /// <summary>Permissions of one role (none for an unknown role).</summary>
    public async Task<IReadOnlyList<string>> ForRoleAsync(string roleName)
    {
        if (ErpPermissions.BuiltInRoles.TryGetValue(roleName, out var builtIn))
        {
            return builtIn;
        }

        return await roles.FindByNameAsync(roleName) is { } role
            ? [.. (await roles.GetClaimsAsync(role)).Where(c => c.Type == ErpPermissions.ClaimType).Select(c => c.Value)]
            : [];
    }
}

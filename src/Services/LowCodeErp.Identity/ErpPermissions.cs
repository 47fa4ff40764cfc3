using System.Collections.Frozen;
using LowCodeErp.ServiceDefaults.Auth;
using Contract = LowCodeErp.ServiceDefaults.Auth.ErpPermissions;

namespace LowCodeErp.Identity;

/// <summary>
/// What the identity service needs of the permission contract. The permissions and the role table themselves are
/// <see cref="Contract"/> (ServiceDefaults), the one table every API checks against: tokens carry the permissions computed
/// from the user's roles at issue time, so services never look roles up.
/// </summary>
public static class ErpPermissions
{
    /// <summary>Claim type of one permission (one claim per permission).</summary>
    public const string ClaimType = ErpClaimTypes.Permissions;

    /// <summary>Users/roles admin, incidents/retry, everything.</summary>
    public const string Admin = Contract.Admin;

    /// <summary>Every permission a role or a client may be given (including <c>*</c>, all of them).</summary>
    public static IReadOnlyList<string> Known { get; } = [.. Contract.Known, Contract.All];

    /// <summary>Built-in roles and their permissions; their permissions cannot be edited (other services code against them).</summary>
    public static FrozenDictionary<string, IReadOnlyList<string>> BuiltInRoles => Contract.ByRole;

    /// <summary>Whether a set of permission claims grants <paramref name="permission"/> (<c>*</c> grants everything).</summary>
    public static bool Grants(IEnumerable<string> permissions, string permission) =>
        permissions.Any(p => p == Contract.All || string.Equals(p, permission, StringComparison.Ordinal));
}

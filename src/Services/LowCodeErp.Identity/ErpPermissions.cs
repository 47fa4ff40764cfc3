using System.Collections.Frozen;

namespace LowCodeErp.Identity;

/// <summary>
/// The permissions the APIs check and the one table that maps the built-in roles to them (AUTH-CONTRACT.md). Tokens carry
/// the permissions computed from the user's roles at issue time, so services never look roles up.
/// </summary>
public static class ErpPermissions
{
    /// <summary>Claim type of one permission (one claim per permission).</summary>
    public const string ClaimType = "permissions";

    /// <summary>Read definitions, instances, descriptors, rule sets.</summary>
    public const string WorkflowsRead = "workflows:read";
    /// <summary>Save/publish/retract/delete/import definitions and rule sets.</summary>
    public const string WorkflowsDesign = "workflows:design";
    /// <summary>Execute/dispatch/resume/cancel instances, evaluate rules.</summary>
    public const string WorkflowsRun = "workflows:run";
    /// <summary>Inbox: list, claim, unclaim, delegate, complete tasks.</summary>
    public const string TasksWork = "tasks:work";
    /// <summary>Users/roles admin, incidents/retry, everything.</summary>
    public const string Admin = "admin";
    /// <summary>Every permission (issued to administrators).</summary>
    public const string All = "*";

    /// <summary>Every permission a role may be given.</summary>
    public static IReadOnlyList<string> Known { get; } = [WorkflowsRead, WorkflowsDesign, WorkflowsRun, TasksWork, Admin, All];

    /// <summary>Built-in roles and their permissions; their permissions cannot be edited (other services code against them).</summary>
    public static FrozenDictionary<string, IReadOnlyList<string>> BuiltInRoles { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["analyst"] = [WorkflowsRead, WorkflowsDesign, WorkflowsRun],
        ["sales"] = [WorkflowsRead, WorkflowsRun, TasksWork],
        ["underwriter"] = [WorkflowsRead, WorkflowsRun, TasksWork],
        ["committee"] = [WorkflowsRead, WorkflowsRun, TasksWork],
        ["accountant"] = [WorkflowsRead, WorkflowsRun, TasksWork],
        ["admin"] = [All],
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a set of permission claims grants <paramref name="permission"/> (<c>*</c> grants everything).</summary>
    public static bool Grants(IEnumerable<string> permissions, string permission) =>
        permissions.Any(p => p == All || string.Equals(p, permission, StringComparison.Ordinal));
}

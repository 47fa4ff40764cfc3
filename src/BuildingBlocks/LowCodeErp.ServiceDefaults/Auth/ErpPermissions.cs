using System.Collections.Frozen;

namespace LowCodeErp.ServiceDefaults.Auth;

/// <summary>
/// The permissions every ERP API checks (claim <see cref="ErpClaimTypes.Permissions"/>) and the one table of which role grants
/// which of them. The identity service issues the permissions computed here; Entra app roles are mapped through it too.
/// </summary>
public static class ErpPermissions
{
    /// <summary>Read definitions, instances, descriptors, rule sets.</summary>
    public const string WorkflowsRead = "workflows:read";

    /// <summary>Save, publish, retract, delete and import definitions and rule sets (analysts).</summary>
    public const string WorkflowsDesign = "workflows:design";

    /// <summary>Execute, dispatch, resume and cancel instances, evaluate rules.</summary>
    public const string WorkflowsRun = "workflows:run";

    /// <summary>Work the task inbox: list, claim, unclaim, delegate, complete.</summary>
    public const string TasksWork = "tasks:work";

    /// <summary>Administration: users and roles, incidents, retries, deleting instance data.</summary>
    public const string Admin = "admin";

    /// <summary>Every permission (issued to administrators); satisfies every permission policy.</summary>
    public const string All = "*";

    /// <summary>The permissions a policy exists for.</summary>
    public static IReadOnlyList<string> Known { get; } = [WorkflowsRead, WorkflowsDesign, WorkflowsRun, TasksWork, Admin];

    /// <summary>Role → permissions, as in the auth contract. Role names compare case-insensitively.</summary>
    public static FrozenDictionary<string, IReadOnlyList<string>> ByRole { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [ErpRoles.Analyst] = [WorkflowsRead, WorkflowsDesign, WorkflowsRun],
        [ErpRoles.Sales] = [WorkflowsRead, WorkflowsRun, TasksWork],
        [ErpRoles.Underwriter] = [WorkflowsRead, WorkflowsRun, TasksWork],
        [ErpRoles.Committee] = [WorkflowsRead, WorkflowsRun, TasksWork],
        [ErpRoles.Accountant] = [WorkflowsRead, WorkflowsRun, TasksWork],
        [ErpRoles.Admin] = [All],
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The distinct permissions the given roles grant (unknown roles grant nothing).</summary>
    public static IReadOnlyList<string> ForRoles(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.SelectMany(role => ByRole.TryGetValue(role, out var granted) ? granted : []).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The authorization policy name for a permission.</summary>
    public static string PolicyName(string permission) => "permission:" + permission;
}

/// <summary>The roles of the auth contract.</summary>
public static class ErpRoles
{
    /// <summary>Designs and publishes workflows and rule sets.</summary>
    public const string Analyst = "analyst";

    /// <summary>Staff roles: run workflows and work tasks.</summary>
    public const string Sales = "sales";

    /// <inheritdoc cref="Sales"/>
    public const string Underwriter = "underwriter";

    /// <summary>Credit-committee members.</summary>
    public const string Committee = "committee";

    /// <inheritdoc cref="Sales"/>
    public const string Accountant = "accountant";

    /// <summary>Administrators (permission <c>*</c>).</summary>
    public const string Admin = "admin";
}

/// <summary>Claim types of ERP access tokens (the contract sets <c>MapInboundClaims = false</c>, so these arrive as issued).</summary>
public static class ErpClaimTypes
{
    /// <summary>User or client id.</summary>
    public const string Subject = "sub";

    /// <summary>Display name.</summary>
    public const string Name = "name";

    /// <summary>One claim per role.</summary>
    public const string Role = "role";

    /// <summary>One claim per permission.</summary>
    public const string Permissions = "permissions";
}

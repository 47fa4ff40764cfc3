namespace LowCodeErp.Identity.Admin;

/// <summary>A user as the admin API shows it.</summary>
public sealed record UserView(
    string Id, string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions,
    bool IsDisabled, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

/// <summary>Create a user.</summary>
public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Email, string? Password, IReadOnlyList<string>? Roles);

/// <summary>Change a user's display name and roles (roles replace the current set).</summary>
public sealed record UpdateUserRequest(string? DisplayName, IReadOnlyList<string>? Roles);

/// <summary>Lock a user until a time (none: indefinitely, until unlocked).</summary>
public sealed record LockUserRequest(DateTimeOffset? Until);

/// <summary>Set a new password.</summary>
public sealed record ResetPasswordRequest(string? NewPassword);

/// <summary>A role and the permissions it grants.</summary>
public sealed record RoleView(string Name, string? Description, IReadOnlyList<string> Permissions, bool BuiltIn);

/// <summary>Create a role with permissions.</summary>
public sealed record CreateRoleRequest(string? Name, string? Description, IReadOnlyList<string>? Permissions);

/// <summary>Change a role's description and permissions (built-in roles: description only).</summary>
public sealed record UpdateRoleRequest(string? Description, IReadOnlyList<string>? Permissions);

using Microsoft.AspNetCore.Identity;

namespace LowCodeErp.Identity.Persistence;

/// <summary>A person who signs in. Never deleted: disabling keeps history (workflow journals name users by id).</summary>
public sealed class ErpUser : IdentityUser
{
    /// <summary>The <c>name</c> claim.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled user cannot sign in, and refresh tokens issued earlier stop working.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>When the user was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A role. Built-in roles get their permissions from <see cref="ErpPermissions.BuiltInRoles"/>; others from role claims.</summary>
public sealed class ErpRole : IdentityRole
{
    /// <summary>What the role is for.</summary>
    public string? Description { get; set; }
}

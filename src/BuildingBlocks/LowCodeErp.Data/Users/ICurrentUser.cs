namespace LowCodeErp.Data.Users;

/// <summary>Who is making the change: the seam the audit and soft-delete conventions read.</summary>
public interface ICurrentUser
{
    /// <summary>The stable user id (the token's <c>sub</c>), or null outside a signed-in request.</summary>
    string? Id { get; }

    /// <summary>The display name (the token's <c>name</c>), or null.</summary>
    string? Name { get; }
}

/// <summary>Values recorded when no user is signed in (background jobs, consumers, start-up seeding).</summary>
public static class CurrentUserDefaults
{
    /// <summary>Recorded as DeletedBy when nobody is signed in.</summary>
    public const string SystemUserId = "system";
}

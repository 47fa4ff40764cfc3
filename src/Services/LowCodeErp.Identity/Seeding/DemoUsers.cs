namespace LowCodeErp.Identity.Seeding;

/// <summary>The embedded shape's demo users (AUTH-CONTRACT.md); all share the password <c>Identity:DemoPassword</c>.</summary>
public static class DemoUsers
{
    /// <summary>User name, display name and role of each.</summary>
    public static IReadOnlyList<(string UserName, string DisplayName, string Role)> All { get; } =
    [
        ("analyst", "Ann Analyst", "analyst"),
        ("sales", "Sam Sales", "sales"),
        ("underwriter", "Uma Underwriter", "underwriter"),
        ("committee1", "Carl Committee", "committee"),
        ("committee2", "Cora Committee", "committee"),
        ("committee3", "Chris Committee", "committee"),
        ("accountant", "Alex Accountant", "accountant"),
        ("admin", "Ada Admin", "admin"),
    ];
}

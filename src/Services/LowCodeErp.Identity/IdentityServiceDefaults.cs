namespace LowCodeErp.Identity;

/// <summary>Names other code may need.</summary>
public static class IdentityServiceDefaults
{
    /// <summary>The login-session cookie scheme (named, so a host's default scheme is left alone).</summary>
    public const string CookieScheme = "LowCodeErp.Identity";

    /// <summary>The token endpoint.</summary>
    public const string TokenPath = "/connect/token";
}

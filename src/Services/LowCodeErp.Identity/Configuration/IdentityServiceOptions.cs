namespace LowCodeErp.Identity.Configuration;

/// <summary>The <c>Identity</c> configuration section (docs/identity.md lists every key).</summary>
public sealed class IdentityServiceOptions
{
    /// <summary>Section name.</summary>
    public const string Section = "Identity";

    /// <summary>The documented default of <see cref="DemoPassword"/>.</summary>
    public const string DefaultDemoPassword = "Erp-demo-1";

    /// <summary>Issuer URL; empty means the request's base URL.</summary>
    public string? Issuer { get; set; }

    /// <summary>Folder of the default SQLite database (<c>identity.db</c>) and the generated keys (<c>identity-keys/</c>).</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Apply EF migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Seed the demo users (embedded shape). Unset: only in the Development environment.</summary>
    public bool? SeedDemoUsers { get; set; }

    /// <summary>Password of every seeded demo user.</summary>
    public string DemoPassword { get; set; } = DefaultDemoPassword;

    /// <summary>Allow the resource-owner password grant (scripts, tests). Unset: only in the Development environment.</summary>
    public bool? EnablePasswordGrant { get; set; }

    /// <summary>Refuse plain-HTTP requests to the OpenID Connect endpoints (set it when TLS reaches this process).</summary>
    public bool RequireHttps { get; set; }

    /// <summary>Access token lifetime.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Refresh token lifetime.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Token signing certificate (PKCS#12). Unset: a generated one persisted under <see cref="DataFolder"/>.</summary>
    public CertificateOptions? SigningCertificate { get; set; }

    /// <summary>Certificate that encrypts authorization codes and refresh tokens (PKCS#12). Unset: generated and persisted.</summary>
    public CertificateOptions? EncryptionCertificate { get; set; }

    /// <summary>Clients by client id; merged over the built-in <c>erp-cli</c> and <c>erp-web</c>.</summary>
    public Dictionary<string, ClientOptions> Clients { get; } = new(StringComparer.Ordinal);
}

/// <summary>A PKCS#12 file and its password.</summary>
public sealed class CertificateOptions
{
    /// <summary>Path of the .pfx file.</summary>
    public string? Path { get; set; }

    /// <summary>Its password (use a secret store or an environment variable).</summary>
    public string? Password { get; set; }
}

/// <summary>One OAuth client. A client with a secret is confidential; without one it is public.</summary>
public sealed class ClientOptions
{
    /// <summary>Display name (the <c>name</c> claim of client-credentials tokens).</summary>
    public string? DisplayName { get; set; }

    /// <summary>Client secret (confidential clients).</summary>
    public string? Secret { get; set; }

    /// <summary>Grant types: <c>authorization_code</c>, <c>refresh_token</c>, <c>password</c>, <c>client_credentials</c>.</summary>
    public List<string> GrantTypes { get; } = [];

    /// <summary>Allowed redirect URIs (authorization code).</summary>
    public List<string> RedirectUris { get; } = [];

    /// <summary>Allowed post-logout redirect URIs.</summary>
    public List<string> PostLogoutRedirectUris { get; } = [];

    /// <summary>Permissions of client-credentials tokens (the client acts as itself).</summary>
    public List<string> Permissions { get; } = [];
}

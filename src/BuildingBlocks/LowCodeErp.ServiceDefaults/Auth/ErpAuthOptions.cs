using System.ComponentModel.DataAnnotations;

namespace LowCodeErp.ServiceDefaults.Auth;

/// <summary>Which issuer a service trusts.</summary>
public enum AuthProvider
{
    /// <summary>The ERP's own identity service (OpenIddict).</summary>
    Local,

    /// <summary>Microsoft Entra ID via Microsoft.Identity.Web; app roles map to ERP permissions.</summary>
    Entra,
}

/// <summary>Configuration section <c>Auth</c>: how a service validates bearer tokens.</summary>
public sealed class ErpAuthOptions
{
    /// <summary>Section name.</summary>
    public const string Section = "Auth";

    /// <summary><c>Local</c> (default) or <c>Entra</c>.</summary>
    public AuthProvider Provider { get; set; } = AuthProvider.Local;

    /// <summary>Local: base URL of the identity service; its discovery document and JWKS are fetched once and cached.</summary>
    public string? Authority { get; set; }

    /// <summary>Local: the expected <c>iss</c>; defaults to <see cref="Authority"/> (or the discovery document's issuer).</summary>
    public string? Issuer { get; set; }

    /// <summary>Local: the expected <c>aud</c>.</summary>
    [Required]
    public string Audience { get; set; } = "erp-api";

    /// <summary>Whether discovery must be fetched over HTTPS (off only for the embedded shape on localhost).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Explicit signing keys (PEM public keys, RSA or EC). When set, no discovery document is fetched: the keys and
    /// <see cref="Issuer"/> (Local) or the Entra issuer are used as they are. For tests and air-gapped installations.
    /// </summary>
    public IList<string> SigningKeys { get; } = [];

    /// <summary>Allowed clock difference when checking <c>exp</c>/<c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Microsoft Entra ID settings (used when <see cref="Provider"/> is <c>Entra</c>).</summary>
    public EntraOptions Entra { get; set; } = new();
}

/// <summary>Configuration section <c>Auth:Entra</c>.</summary>
public sealed class EntraOptions
{
    /// <summary>Cloud instance.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Directory (tenant) id; tokens of other tenants are rejected.</summary>
    public string? TenantId { get; set; }

    /// <summary>Application (client) id of the ERP API registration; tokens must be issued for it (<c>aud</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// App role value → ERP role (see <see cref="ErpRoles"/>), for tenants whose app roles are named differently. App roles
    /// named exactly like an ERP role need no entry.
    /// </summary>
    public IDictionary<string, string> AppRoles { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The issuer of the tenant's v2.0 access tokens.</summary>
    public string Issuer => $"{Instance.TrimEnd('/')}/{TenantId}/v2.0";
}

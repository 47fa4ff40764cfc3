using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LowCodeErp.Tests.Shared;

/// <summary>
/// Signs access tokens shaped like the ERP identity service's (RS256, <c>aud</c> erp-api, <c>permissions</c> claims) with a
/// key generated per test process; <see cref="Settings"/> configures a service to trust exactly that key and issuer.
/// Linked into the test projects that need signed-in callers without a running identity service.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://erp.test/";
    public const string Audience = "erp-api";

    private static readonly RSA Key = RSA.Create(2048);

    public static string PublicKeyPem { get; } = Key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Configuration for <c>Auth</c>: explicit key and issuer, so nothing is fetched.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Auth:Provider"] = "Local",
        ["Auth:Issuer"] = Issuer,
        ["Auth:Audience"] = Audience,
        ["Auth:SigningKeys:0"] = PublicKeyPem,
    };

    /// <summary>A valid token for a user holding <paramref name="permissions"/>.</summary>
    public static string For(params string[] permissions) => Create(new Dictionary<string, object> { ["permissions"] = permissions });

    /// <summary>A token with the given claims; every other field defaults to valid and can be spoiled for rejection tests.</summary>
    public static string Create(
        IDictionary<string, object> claims, string issuer = Issuer, string audience = Audience, DateTime? expires = null, RSA? signingKey = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddHours(2);
        var all = new Dictionary<string, object>(claims)
        {
            ["sub"] = claims.TryGetValue("sub", out var sub) ? sub : "user-1",
            ["name"] = claims.TryGetValue("name", out var name) ? name : "Test User",
        };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-3),
            NotBefore = expiry.AddHours(-3),
            Expires = expiry,
            Claims = all,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey ?? Key), SecurityAlgorithms.RsaSha256),
        });
    }
}

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace LowCodeErp.Identity.Tests.Infrastructure;

/// <summary>Validates tokens the way another service would: issuer and keys from discovery and the JWKS, nothing else.</summary>
public static class Jwks
{
    public static async Task<OpenIdConnectConfiguration> DiscoverAsync(HttpClient client)
    {
        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(client.BaseAddress!, "/.well-known/openid-configuration").ToString(),
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(client) { RequireHttps = false });
        return await manager.GetConfigurationAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<TokenValidationResult> ValidateAsync(HttpClient client, string token, string audience = "erp-api")
    {
        var configuration = await DiscoverAsync(client);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = configuration.SigningKeys,
            NameClaimType = "name",
            RoleClaimType = "role",
        });
    }
}

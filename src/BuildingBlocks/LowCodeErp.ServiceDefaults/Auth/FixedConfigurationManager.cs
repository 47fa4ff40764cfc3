using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace LowCodeErp.ServiceDefaults.Auth;

/// <summary>
/// The issuer configuration given by <see cref="ErpAuthOptions.SigningKeys"/>: never fetched, never refreshed. Deliberately
/// not a <c>BaseConfigurationManager</c>: for those, the token handler re-validates failures against "last known good"
/// configurations and reports that retry's error (a missing key) instead of the real one (expired, wrong issuer, ...).
/// </summary>
public sealed class FixedConfigurationManager(OpenIdConnectConfiguration configuration) : IConfigurationManager<OpenIdConnectConfiguration>
{
    /// <inheritdoc />
    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => Task.FromResult(configuration);

    /// <inheritdoc />
    public void RequestRefresh()
    {
        // Nothing to refresh: the keys come from configuration.
    }
}

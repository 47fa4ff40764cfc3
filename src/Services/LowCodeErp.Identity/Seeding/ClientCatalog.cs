using LowCodeErp.Identity.Configuration;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LowCodeErp.Identity.Seeding;

/// <summary>The OAuth clients: the built-in <c>erp-cli</c> and <c>erp-web</c>, with configured values laid over them, plus configured ones.</summary>
public static class ClientCatalog
{
    /// <summary>Public client of scripts and the CLI (password grant where enabled, refresh).</summary>
    public const string Cli = "erp-cli";
    /// <summary>Public client of the web inbox and Studio pages (authorization code + PKCE, refresh).</summary>
    public const string Web = "erp-web";

    /// <summary>The API audience and scope.</summary>
    public const string ApiResource = "erp-api";

    private static readonly string[] SupportedGrants =
        [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken, GrantTypes.Password, GrantTypes.ClientCredentials];

    /// <summary>Application descriptors of every client; invalid configuration fails start-up with the key at fault.</summary>
    public static IReadOnlyList<OpenIddictApplicationDescriptor> Descriptors(IdentityServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clients = new Dictionary<string, ClientOptions>(StringComparer.Ordinal)
        {
            [Cli] = BuiltIn("LowCodeErp scripts and CLI", [GrantTypes.Password, GrantTypes.RefreshToken], []),
            [Web] = BuiltIn("LowCodeErp web", [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken], ["http://localhost:5000/signin-oidc"]),
        };
        foreach (var (id, configured) in options.Clients)
        {
            clients[id] = clients.TryGetValue(id, out var builtIn) ? Merge(builtIn, configured) : configured;
        }

        return [.. clients.Select(pair => Describe(pair.Key, pair.Value))];
    }

    private static ClientOptions BuiltIn(string displayName, string[] grants, string[] redirectUris)
    {
        var client = new ClientOptions { DisplayName = displayName };
        client.GrantTypes.AddRange(grants);
        client.RedirectUris.AddRange(redirectUris);
        return client;
    }

    // Configured lists replace the built-in ones (configuration binding cannot express "remove this element").
    private static ClientOptions Merge(ClientOptions builtIn, ClientOptions configured)
    {
        var merged = new ClientOptions { DisplayName = configured.DisplayName ?? builtIn.DisplayName, Secret = configured.Secret ?? builtIn.Secret };
        merged.GrantTypes.AddRange(configured.GrantTypes.Count > 0 ? configured.GrantTypes : builtIn.GrantTypes);
        merged.RedirectUris.AddRange(configured.RedirectUris.Count > 0 ? configured.RedirectUris : builtIn.RedirectUris);
        merged.PostLogoutRedirectUris.AddRange(configured.PostLogoutRedirectUris.Count > 0 ? configured.PostLogoutRedirectUris : builtIn.PostLogoutRedirectUris);
        merged.Permissions.AddRange(configured.Permissions.Count > 0 ? configured.Permissions : builtIn.Permissions);
        return merged;
    }

    private static OpenIddictApplicationDescriptor Describe(string clientId, ClientOptions client)
    {
        var key = $"Identity:Clients:{clientId}";
        var confidential = !string.IsNullOrEmpty(client.Secret);
        var grants = client.GrantTypes.Count > 0 ? client.GrantTypes : (confidential ? [GrantTypes.ClientCredentials] : []);
        if (grants.Count == 0 || grants.Any(g => !SupportedGrants.Contains(g)))
        {
            throw new InvalidOperationException($"{key}:GrantTypes must list some of {string.Join(", ", SupportedGrants)}.");
        }

        if (grants.Contains(GrantTypes.ClientCredentials) && !confidential)
        {
            throw new InvalidOperationException($"{key}:Secret is required for the client_credentials grant.");
        }

        if (client.Permissions.FirstOrDefault(p => !ErpPermissions.Known.Contains(p)) is { } permission)
        {
            throw new InvalidOperationException($"{key}:Permissions: '{permission}' is not one of {string.Join(", ", ErpPermissions.Known)}.");
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = confidential ? client.Secret : null,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            DisplayName = client.DisplayName ?? clientId,
            // First-party clients: signing in is the consent.
            ConsentType = ConsentTypes.Implicit,
        };
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Scopes.Profile,
            Permissions.Scopes.Roles, Permissions.Prefixes.Scope + ApiResource]);
        descriptor.Permissions.UnionWith(grants.Select(g => Permissions.Prefixes.GrantType + g));
        if (grants.Contains(GrantTypes.AuthorizationCode))
        {
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession, Permissions.ResponseTypes.Code]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            descriptor.RedirectUris.UnionWith(client.RedirectUris.Select(u => AbsoluteUri(u, $"{key}:RedirectUris")));
            descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris.Select(u => AbsoluteUri(u, $"{key}:PostLogoutRedirectUris")));
        }

        return descriptor;
    }

    private static Uri AbsoluteUri(string value, string key) => Uri.TryCreate(value, UriKind.Absolute, out var uri)
        ? uri
        : throw new InvalidOperationException($"{key}: '{value}' is not an absolute URI.");
}

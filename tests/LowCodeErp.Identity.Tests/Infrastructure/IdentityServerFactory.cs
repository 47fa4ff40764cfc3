using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace LowCodeErp.Identity.Tests.Infrastructure;

/// <summary>
/// The real embedded server (its appsettings.json: demo users, password grant, the <c>erp-workflows</c> service client)
/// on a temporary data folder, in the Production environment, plus the public test client <c>erp-test</c>
/// (authorization code + PKCE, redirect <see cref="TestRedirectUri"/>).
/// </summary>
public class IdentityServerFactory : WebApplicationFactory<global::Program>
{
    public const string TestClient = "erp-test";
    public const string TestRedirectUri = "http://localhost/test-callback";
    public const string DemoPassword = "Erp-demo-1";
    public const string ServiceClient = "erp-workflows";
    public const string ServiceSecret = "erp-workflows-embedded-secret";

    private readonly bool _ownsRoot;

    public IdentityServerFactory() : this(null, null)
    {
    }

    /// <param name="root">Data folder to reuse (a restart); null makes a new one, deleted on dispose.</param>
    /// <param name="settings">Extra configuration.</param>
    internal IdentityServerFactory(string? root, IReadOnlyDictionary<string, string?>? settings)
    {
        _ownsRoot = root is null;
        Root = root ?? Path.Combine(Path.GetTempPath(), "erp-identity-tests-" + Guid.NewGuid().ToString("N")[..10]);
        Settings = settings ?? new Dictionary<string, string?>();
        Directory.CreateDirectory(Path.Combine(Root, "workflows"));
    }

    public string Root { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public virtual string Environment => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Workflows", $"Data Source={Path.Combine(Root, "data", "workflows.db")}");
        builder.UseSetting("Workflows:Folder", Path.Combine(Root, "workflows"));
        builder.UseSetting($"Identity:Clients:{TestClient}:GrantTypes:0", "authorization_code");
        builder.UseSetting($"Identity:Clients:{TestClient}:GrantTypes:1", "refresh_token");
        builder.UseSetting($"Identity:Clients:{TestClient}:RedirectUris:0", TestRedirectUri);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsRoot)
        {
            DeleteRoot();
        }

        GC.SuppressFinalize(this);
    }

    public void DeleteRoot()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

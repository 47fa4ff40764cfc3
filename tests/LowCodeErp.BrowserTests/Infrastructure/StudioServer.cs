using Microsoft.AspNetCore.Hosting;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.BrowserTests.Infrastructure;

/// <summary>
/// The embedded server on real Kestrel (a browser cannot reach an in-memory test server) on a free loopback port, over a
/// temporary SQLite folder and a temporary copy of the repository's <c>workflows/</c>.
/// </summary>
public sealed class StudioServer : WebApplicationFactory<Program>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "erp-browser-tests-" + Guid.NewGuid().ToString("N")[..10]);

    private readonly Action<IServiceCollection>? _configureServices;

    /// <param name="configureServices">Replacements applied after the server's own registrations (e.g. a token provider).</param>
    public StudioServer(Action<IServiceCollection>? configureServices = null)
    {
        _configureServices = configureServices;
        Directory.CreateDirectory(WorkflowsFolder);
        // The whole tree, subfolders included (the server imports them: e.g. workflows/human-tasks/lease-approval.json).
        var source = Path.Combine(RepositoryRoot, "workflows");
        foreach (var file in Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(WorkflowsFolder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        // The rule pages' tests publish new versions: a copy of rules/, not the repository's folder.
        Directory.CreateDirectory(RulesFolder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "rules"), "*.json"))
        {
            File.Copy(file, Path.Combine(RulesFolder, Path.GetFileName(file)));
        }

        // The port is chosen first: the server is its own token issuer, and issuer and authority name it.
        _port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{_port}/");
        UseKestrel(_port);
        StartServer();
    }

    private readonly int _port;

    /// <summary>The demo password of the seeded users (the server's default).</summary>
    public const string DemoPassword = "Erp-demo-1";

    /// <summary>Signs <paramref name="client"/> (which must keep cookies) in through the login page.</summary>
    public static async Task SignInAsync(HttpClient client, string userName = "analyst")
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync(new Uri("/account/login?returnUrl=%2Fstudio", UriKind.Relative));
        var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["returnUrl"] = "/studio", ["userName"] = userName, ["password"] = DemoPassword,
        });
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        if ((int)response.StatusCode >= 400)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        }
    }

    /// <summary>An access token of a demo user from <c>/connect/token</c> (password grant of <c>erp-cli</c>).</summary>
    public async Task<string> TokenAsync(string userName = "analyst")
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "erp-cli", ["username"] = userName, ["password"] = DemoPassword,
            ["scope"] = "openid profile roles erp-api",
        });
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>();
        return (string)json!["access_token"]!;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The repository (for <c>workflows/</c> and the results folder).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public Uri BaseAddress { get; }

    public string WorkflowsFolder => Path.Combine(_root, "workflows");

    public string RulesFolder => Path.Combine(_root, "rules");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Workflows", $"Data Source={Path.Combine(_root, "data", "workflows.db")}");
        builder.UseSetting("Workflows:Folder", WorkflowsFolder);
        builder.UseSetting("Workflows:WatchFolder", "false");
        builder.UseSetting("Rules:Folder", RulesFolder);
        builder.UseSetting("Rules:WatchFolder", "false");
        builder.UseSetting("Identity:Issuer", BaseAddress.ToString());
        builder.UseSetting("Auth:Authority", BaseAddress.ToString());
        if (_configureServices is not null)
        {
            builder.ConfigureServices(_configureServices);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LowCodeErp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LowCodeErp.sln not found above " + AppContext.BaseDirectory);
    }
}

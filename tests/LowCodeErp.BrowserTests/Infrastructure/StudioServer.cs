using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "workflows"), "*.json"))
        {
            File.Copy(file, Path.Combine(WorkflowsFolder, Path.GetFileName(file)));
        }

        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>The repository (for <c>workflows/</c> and the results folder).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public Uri BaseAddress { get; }

    public string WorkflowsFolder => Path.Combine(_root, "workflows");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Workflows", $"Data Source={Path.Combine(_root, "data", "workflows.db")}");
        builder.UseSetting("Workflows:Folder", WorkflowsFolder);
        builder.UseSetting("Workflows:WatchFolder", "false");
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

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using LowCodeErp.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace LowCodeErp.Workflows.Api.Tests.Infrastructure;

/// <summary>
/// The embedded server on a temporary SQLite folder, importing a temporary copy of the repository's <c>workflows/</c>
/// plus one invalid file (which must be skipped without stopping the server). It trusts the test signing key
/// (<see cref="TestTokens"/>), and <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> clients send an
/// administrator's token (permission <c>*</c>); <see cref="CreateClientFor"/> and <see cref="CreateAnonymousClient"/> send others.
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    public const string InvalidFile = "broken.json";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "erp-api-tests-" + Guid.NewGuid().ToString("N")[..10]);

    public ServerFactory()
    {
        Directory.CreateDirectory(WorkflowsFolder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "workflows"), "*.json"))
        {
            File.Copy(file, Path.Combine(WorkflowsFolder, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(WorkflowsFolder, InvalidFile), """{ "definitionId": "broken", "root": { "id": "r", "type": "Elsa.Nope" } }""");
    }

    public string WorkflowsFolder => Path.Combine(_root, "workflows");

    /// <summary>GET and parse.</summary>
    public async Task<JsonNode> GetJsonAsync(string path) =>
        (await CreateClient().GetFromJsonAsync<JsonNode>(path, TestContext.Current.CancellationToken))!;

    /// <summary>A client whose token carries exactly <paramref name="permissions"/>.</summary>
    public HttpClient CreateClientFor(params string[] permissions)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(permissions));
        return client;
    }

    /// <summary>A client without a token.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("*"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestTokens.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("ConnectionStrings:Workflows", $"Data Source={Path.Combine(_root, "data", "workflows.db")}");
        builder.UseSetting("Workflows:Folder", WorkflowsFolder);
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

    private static string RepositoryRoot()
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

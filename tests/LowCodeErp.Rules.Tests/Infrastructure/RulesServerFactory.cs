using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using LowCodeErp.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace LowCodeErp.Rules.Tests.Infrastructure;

/// <summary>
/// The embedded server on a temporary SQLite database, importing a temporary copy of the repository's <c>rules/</c>
/// (watched) plus one invalid file, and the scenario workflow. The server trusts the test signing key
/// (<see cref="TestTokens"/>); clients send a token with the permissions asked for (an administrator's by default).
/// </summary>
public sealed class RulesServerFactory : WebApplicationFactory<Program>
{
    /// <summary>When set, a client asked for no permissions sends no token at all (anonymous) instead of an administrator's.</summary>
    public bool TestAuth { get; init; }

    private readonly string _root = Paths.NewTempFolder("erp-rules-api");

    public string RulesFolder => Path.Combine(_root, "rules");

    public string WorkflowsFolder => Path.Combine(_root, "workflows");

    public HttpClient Client(string? permissions = null)
    {
        var client = CreateClient();
        var granted = permissions?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? (TestAuth ? null : ["*"]);
        if (granted is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.For(granted));
        }

        return client;
    }

    public static async Task<JsonNode> EvaluateAsync(HttpClient client, string ruleSet, object inputs)
    {
        var response = await client.PostAsJsonAsync($"/api/rules/{ruleSet}/evaluate", new { inputs }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Paths.CopyRules(RulesFolder);
        // An invalid file must be reported and skipped without stopping the server.
        File.WriteAllText(Path.Combine(RulesFolder, "broken.json"), """{ "WorkflowName": "Broken", "Rules": [ { "RuleName": "NoExpression" } ] }""");
        Directory.CreateDirectory(WorkflowsFolder);
        File.Copy(Paths.TestData("lease-credit-decision.json"), Path.Combine(WorkflowsFolder, "lease-credit-decision.json"), overwrite: true);
        builder.UseSetting("ConnectionStrings:Workflows", $"Data Source={Path.Combine(_root, "data", "workflows.db")}");
        builder.UseSetting("Workflows:Folder", WorkflowsFolder);
        builder.UseSetting("Rules:Folder", RulesFolder);
        builder.UseSetting("Rules:WatchFolder", "true");
        foreach (var (key, value) in TestTokens.Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Paths.TryDelete(_root);
    }
}

using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using LowCodeErp.Rules.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Rules.Tests.Infrastructure;

/// <summary>
/// The embedded server on a temporary SQLite database, importing a temporary copy of the repository's <c>rules/</c>
/// (watched) plus one invalid file, and the scenario workflow. With <c>testAuth</c> the caller's permissions come from an
/// <c>X-Test-Permissions</c> header instead of the embedded administrator stand-in.
/// </summary>
public sealed class RulesServerFactory : WebApplicationFactory<Program>
{
    public const string PermissionsHeader = "X-Test-Permissions";

    /// <summary>Permissions from the <see cref="PermissionsHeader"/> instead of the embedded administrator stand-in.</summary>
    public bool TestAuth { get; init; }

    private readonly string _root = Paths.NewTempFolder("erp-rules-api");

    public string RulesFolder => Path.Combine(_root, "rules");

    public string WorkflowsFolder => Path.Combine(_root, "workflows");

    public HttpClient Client(string? permissions = null)
    {
        var client = CreateClient();
        if (permissions is not null)
        {
            client.DefaultRequestHeaders.Add(PermissionsHeader, permissions);
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
        if (TestAuth)
        {
            builder.ConfigureTestServices(services => services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Paths.TryDelete(_root);
    }

    /// <summary>Signs the caller in with the permissions of the header; no header, no user (401).</summary>
    private sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeader";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(PermissionsHeader, out var value))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var claims = value.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => new Claim(RulesAuthorization.PermissionsClaim, p)).Append(new Claim("sub", "tester"));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.Identity.Persistence;
using LowCodeErp.Identity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Identity.Tests;

/// <summary>Discovery, the password-grant switch, keys and users surviving a restart, migrations matching the model.</summary>
public sealed class ShapeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_Should_AdvertiseTheTokenEndpointGrantsAndAnRsaKey()
    {
        await using var server = new IdentityServerFactory();
        var client = server.CreateClient();

        var discovery = await client.GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration", Cancel);
        var configuration = await Jwks.DiscoverAsync(client);

        discovery!["issuer"]!.GetValue<string>().Should().Be("http://localhost:5000/");
        discovery["token_endpoint"]!.GetValue<string>().Should().EndWith("/connect/token");
        discovery["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>())
            .Should().Contain(["authorization_code", "client_credentials", "refresh_token", "password"]);
        discovery["scopes_supported"]!.AsArray().Select(g => g!.GetValue<string>()).Should().Contain("erp-api");
        configuration.SigningKeys.Select(k => k.KeyId).Distinct().Should().ContainSingle("one RSA key (as x5c and as n/e)").Which.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task PasswordGrant_Should_BeRefusedWhenSwitchedOff()
    {
        await using var server = new IdentityServerFactory(null, new Dictionary<string, string?> { ["Identity:EnablePasswordGrant"] = "false" });
        var client = server.CreateClient();

        var (status, body) = await TokenClient.PasswordAsync(client, "admin");
        var discovery = await client.GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration", Cancel);

        status.Should().Be(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().Should().Be("unsupported_grant_type");
        discovery!["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()).Should().NotContain("password");
    }

    [Fact]
    public async Task TheStandaloneDefaults_Should_RefuseThePasswordGrantAndSeedNoUsersOutsideDevelopment()
    {
        // Empty values unset the embedded server's appsettings.json switches, leaving the service's own defaults.
        await using var server = new IdentityServerFactory(null, new Dictionary<string, string?>
        {
            ["Identity:EnablePasswordGrant"] = "", ["Identity:SeedDemoUsers"] = "",
        });
        var client = server.CreateClient();

        var (status, body) = await TokenClient.PasswordAsync(client, "admin");

        status.Should().Be(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().Should().Be("unsupported_grant_type");
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        (await db.Users.CountAsync(Cancel)).Should().Be(0);
    }

    [Fact]
    public async Task SigningKeysAndUsers_Should_SurviveARestart()
    {
        string token;
        string root;
        await using (var first = new IdentityServerFactory(Path.Combine(Path.GetTempPath(), "erp-identity-restart-" + Guid.NewGuid().ToString("N")[..8]), null))
        {
            root = first.Root;
            token = await TokenClient.AccessTokenAsync(first.CreateClient(), "analyst");
        }

        var second = new IdentityServerFactory(root, null);
        try
        {
            var client = second.CreateClient();
            var result = await Jwks.ValidateAsync(client, token);
            result.IsValid.Should().BeTrue("the persisted key signed it: " + result.Exception?.Message);
            using var admin = await TokenClient.SignedInClientAsync(second, "admin");
            var users = await admin.GetFromJsonAsync<JsonArray>("/api/identity/users", Cancel);
            users!.Count(u => u!["userName"]!.GetValue<string>() == "analyst").Should().Be(1, "seeding does not duplicate");
            var (status, body) = await TokenClient.PostAsync(client, new()
            {
                ["grant_type"] = "client_credentials", ["client_id"] = IdentityServerFactory.ServiceClient,
                ["client_secret"] = IdentityServerFactory.ServiceSecret,
            });
            status.Should().Be(HttpStatusCode.OK, "the client updated from configuration keeps a working secret: " + body.ToJsonString());
        }
        finally
        {
            await second.DisposeAsync();
            second.DeleteRoot();
        }
    }

    [Fact]
    public void EveryProvidersMigrations_Should_MatchTheModel()
    {
        IdentityStoreDbContext[] contexts =
        [
            new SqliteIdentityDesignTimeFactory().CreateDbContext([]),
            new PostgreSqlIdentityDesignTimeFactory().CreateDbContext([]),
            new SqlServerIdentityDesignTimeFactory().CreateDbContext([]),
        ];

        foreach (var context in contexts)
        {
            using (context)
            {
                context.Database.HasPendingModelChanges().Should().BeFalse(
                    $"{context.GetType().Name}: add a migration for every provider (docs/identity.md)");
            }
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using LowCodeErp.Identity.Tests.Infrastructure;
using Npgsql;

namespace LowCodeErp.Identity.Tests;

/// <summary>The identity store on a real PostgreSQL (a database per test, dropped afterwards): migrate, seed, sign in, admin writes.</summary>
public sealed class PostgresIdentityTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnPostgreSql_Should_SeedIssueTokensAndManageUsers()
    {
        var serverConnection = PostgresRequirement.ConnectionString();
        var name = "erp_identity_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(serverConnection, $"CREATE DATABASE \"{name}\"");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(serverConnection) { Database = name }.ConnectionString;
            await using var server = new IdentityServerFactory(null, new Dictionary<string, string?>
            {
                ["Identity:Database:Provider"] = "PostgreSql", ["ConnectionStrings:Identity"] = connection,
            });

            var token = await TokenClient.AccessTokenAsync(server.CreateClient(), "underwriter");
            TokenClient.Claims(token, "permissions").Should().Contain("tasks:work");
            using var admin = await TokenClient.SignedInClientAsync(server, "admin");
            using var created = await admin.PostAsJsonAsync("/api/identity/users",
                new { userName = "pg-user", displayName = "Pg User", password = "Pg-user-pass-1", roles = new[] { "accountant" } }, Cancel);
            created.StatusCode.Should().Be(HttpStatusCode.Created);
            (await TokenClient.PasswordAsync(server.CreateClient(), "pg-user", "Pg-user-pass-1")).Status.Should().Be(HttpStatusCode.OK);
            await using var check = new NpgsqlConnection(connection);
            await check.OpenAsync(Cancel);
            await using var count = new NpgsqlCommand("""SELECT count(*) FROM "AspNetUsers" """, check);
            ((long)(await count.ExecuteScalarAsync(Cancel))!).Should().Be(9, "eight demo users and the one created");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(serverConnection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

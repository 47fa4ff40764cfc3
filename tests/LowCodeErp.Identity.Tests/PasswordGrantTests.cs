using System.Net;
using FluentAssertions;
using LowCodeErp.Identity.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LowCodeErp.Identity.Tests;

/// <summary>The password grant of <c>erp-cli</c> (embedded shape), refresh tokens and the OAuth errors around them.</summary>
public sealed class PasswordGrantTests(IdentityServerFactory server) : IClassFixture<IdentityServerFactory>
{
    [Fact]
    public async Task Password_Should_IssueAnUnencryptedRs256JwtWithTheContractClaims()
    {
        var (status, body) = await TokenClient.PasswordAsync(server.CreateClient(), "analyst");

        status.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        var token = body["access_token"]!.GetValue<string>();
        var jwt = new JsonWebToken(token);
        jwt.Alg.Should().Be("RS256");
        jwt.IsEncrypted.Should().BeFalse();
        jwt.Audiences.Should().Equal("erp-api");
        jwt.Issuer.Should().Be("http://localhost:5000/");
        jwt.Subject.Should().NotBeNullOrEmpty().And.NotBe("analyst", "sub is the user id");
        TokenClient.Claims(token, "name").Should().Equal("Ann Analyst");
        TokenClient.Claims(token, "preferred_username").Should().Equal("analyst");
        TokenClient.Claims(token, "role").Should().Equal("analyst");
        TokenClient.Claims(token, "permissions").Should().BeEquivalentTo("workflows:read", "workflows:design", "workflows:run");
        body["refresh_token"].Should().NotBeNull("offline_access was asked for");
        body["id_token"].Should().NotBeNull("openid was asked for");
    }

    [Theory]
    [InlineData("admin", "admin", new[] { "*" })]
    [InlineData("committee2", "committee", new[] { "workflows:read", "workflows:run", "tasks:work" })]
    [InlineData("accountant", "accountant", new[] { "workflows:read", "workflows:run", "tasks:work" })]
    public async Task Password_Should_ComputePermissionsFromTheRoleTable(string user, string role, string[] permissions)
    {
        var token = await TokenClient.AccessTokenAsync(server.CreateClient(), user);

        TokenClient.Claims(token, "role").Should().Equal(role);
        TokenClient.Claims(token, "permissions").Should().BeEquivalentTo(permissions);
    }

    [Fact]
    public async Task AccessAndIdentityTokens_Should_ValidateAgainstTheJwksFromDiscovery()
    {
        var client = server.CreateClient();
        var (_, body) = await TokenClient.PasswordAsync(client, "underwriter");

        var access = await Jwks.ValidateAsync(client, body["access_token"]!.GetValue<string>());
        access.IsValid.Should().BeTrue(access.Exception?.Message);
        access.ClaimsIdentity.Name.Should().Be("Uma Underwriter");
        access.ClaimsIdentity.FindAll("permissions").Select(c => c.Value).Should().Contain("tasks:work");
        var identity = await Jwks.ValidateAsync(client, body["id_token"]!.GetValue<string>(), audience: "erp-cli");
        identity.IsValid.Should().BeTrue(identity.Exception?.Message);
    }

    [Fact]
    public async Task ATamperedToken_Should_FailSignatureValidation()
    {
        var client = server.CreateClient();
        var token = await TokenClient.AccessTokenAsync(client, "sales");
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"sales\"", "\"admin\"", StringComparison.Ordinal);
        payload.Should().Contain("\"admin\"");

        var result = await Jwks.ValidateAsync(client, $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}");

        result.IsValid.Should().BeFalse();
    }

    [Theory]
    [InlineData("analyst", "wrong-password")]
    [InlineData("nobody", IdentityServerFactory.DemoPassword)]
    public async Task BadCredentials_Should_GiveInvalidGrant400(string user, string password)
    {
        var (status, body) = await TokenClient.PasswordAsync(server.CreateClient(), user, password);

        status.Should().Be(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().Should().Be("invalid_grant");
    }

    [Fact]
    public async Task AnUnknownClient_Should_GiveInvalidClient()
    {
        var (status, body) = await TokenClient.PasswordAsync(server.CreateClient(), "analyst", clientId: "no-such-client");

        ((int)status).Should().BeOneOf(400, 401);
        body["error"]!.GetValue<string>().Should().Be("invalid_client");
    }

    [Fact]
    public async Task Refresh_Should_IssueNewTokensWithFreshClaims()
    {
        var client = server.CreateClient();
        var (_, first) = await TokenClient.PasswordAsync(client, "committee1");

        var (status, refreshed) = await TokenClient.PostAsync(client, new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "erp-cli", ["refresh_token"] = first["refresh_token"]!.GetValue<string>(),
        });

        status.Should().Be(HttpStatusCode.OK, refreshed.ToJsonString());
        var token = refreshed["access_token"]!.GetValue<string>();
        token.Should().NotBe(first["access_token"]!.GetValue<string>());
        TokenClient.Claims(token, "preferred_username").Should().Equal("committee1");
        TokenClient.Claims(token, "permissions").Should().Contain("tasks:work");
        (await Jwks.ValidateAsync(client, token)).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task AGarbageRefreshToken_Should_GiveInvalidGrant400()
    {
        var (status, body) = await TokenClient.PostAsync(server.CreateClient(), new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "erp-cli", ["refresh_token"] = "not-a-token",
        });

        status.Should().Be(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().Should().Be("invalid_grant");
    }
}

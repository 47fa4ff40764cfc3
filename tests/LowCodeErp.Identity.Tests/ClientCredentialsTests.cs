using System.Net;
using FluentAssertions;
using LowCodeErp.Identity.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace LowCodeErp.Identity.Tests;

/// <summary>Service-to-service tokens: a confidential client acting as itself with its configured permissions.</summary>
public sealed class ClientCredentialsTests(IdentityServerFactory server) : IClassFixture<IdentityServerFactory>
{
    [Fact]
    public async Task ClientCredentials_Should_IssueATokenForTheClientWithItsConfiguredPermissions()
    {
        var client = server.CreateClient();
        var (status, body) = await TokenClient.PostAsync(client, new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = IdentityServerFactory.ServiceClient,
            ["client_secret"] = IdentityServerFactory.ServiceSecret, ["scope"] = "erp-api",
        });

        status.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        var token = body["access_token"]!.GetValue<string>();
        new JsonWebToken(token).Subject.Should().Be(IdentityServerFactory.ServiceClient);
        TokenClient.Claims(token, "name").Should().Equal("Workflow server");
        TokenClient.Claims(token, "permissions").Should().BeEquivalentTo("workflows:read", "workflows:run", "tasks:work");
        body["refresh_token"].Should().BeNull();
        (await Jwks.ValidateAsync(client, token)).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task AWrongSecret_Should_GiveInvalidClient401()
    {
        var (status, body) = await TokenClient.PostAsync(server.CreateClient(), new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = IdentityServerFactory.ServiceClient, ["client_secret"] = "wrong",
        });

        status.Should().Be(HttpStatusCode.Unauthorized);
        body["error"]!.GetValue<string>().Should().Be("invalid_client");
    }

    [Fact]
    public async Task APublicClient_Should_NotGetClientCredentialsTokens()
    {
        var (status, body) = await TokenClient.PostAsync(server.CreateClient(), new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "erp-cli",
        });

        status.Should().Be(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().Should().BeOneOf("unauthorized_client", "invalid_client", "invalid_request");
    }
}

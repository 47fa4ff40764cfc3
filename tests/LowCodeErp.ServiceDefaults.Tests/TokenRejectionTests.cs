using System.Net;
using System.Security.Cryptography;
using FluentAssertions;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.ServiceDefaults.Tests.Infrastructure;
using LowCodeErp.Tests.Shared;

namespace LowCodeErp.ServiceDefaults.Tests;

/// <summary>Every bad token is a 401 (or 403 for a missing permission) with a ProblemDetails body saying why; never a 500.</summary>
public sealed class TokenRejectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Tokens are made inside the test: theory data may be built in a discovery process with another signing key.
    private static string? Token(string kind)
    {
        using var otherKey = RSA.Create(2048);
        var read = new Dictionary<string, object> { ["permissions"] = new[] { ErpPermissions.WorkflowsRead } };
        return kind switch
        {
            "none" => null,
            "expired" => TestTokens.Create(read, expires: DateTime.UtcNow.AddHours(-1)),
            "wrong issuer" => TestTokens.Create(read, issuer: "https://evil.test/"),
            "wrong audience" => TestTokens.Create(read, audience: "some-other-api"),
            "bad signature" => TestTokens.Create(read, signingKey: otherKey),
            _ => "not-a-jwt",
        };
    }

    [Theory]
    [InlineData("none", "A bearer token is required.")]
    [InlineData("expired", "The token has expired.")]
    [InlineData("wrong issuer", "The token's issuer is not trusted.")]
    [InlineData("wrong audience", "The token was not issued for this API (audience).")]
    [InlineData("bad signature", "The token's signature is invalid")]
    [InlineData("malformed", "The token is malformed.")]
    public async Task RejectedToken_Should_Get401_WithProblemDetails(string kind, string detail)
    {
        await using var service = await TestService.StartAsync();
        var token = Token(kind);

        var response = await service.Client(token).GetAsync("/api/read", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, kind);
        response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be("Bearer");
        (await Problem.ReadAsync(response))["detail"]!.ToString().Should().StartWith(detail, kind);
    }

    [Fact]
    public async Task MissingPermission_Should_Get403_NamingThePermission()
    {
        await using var service = await TestService.StartAsync();

        var response = await service.Client(TestTokens.For(ErpPermissions.WorkflowsRead)).PostAsync("/api/design", null, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Problem.ReadAsync(response))["detail"]!.ToString().Should().Contain("'workflows:design'");
    }

    [Fact]
    public async Task ValidToken_Should_PassWithItsPermission_AndCarryTheDisplayName()
    {
        await using var service = await TestService.StartAsync();

        var response = await service.Client(TestTokens.For(ErpPermissions.WorkflowsRead)).GetAsync("/api/read", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).Should().Contain("Test User", "NameClaimType is 'name'");
    }

    [Theory]
    [InlineData("DELETE", "/api/admin")]
    [InlineData("POST", "/api/design")]
    [InlineData("POST", "/api/tasks")]
    [InlineData("GET", "/api/read")]
    public async Task Wildcard_Should_SatisfyEveryPermission(string method, string path)
    {
        await using var service = await TestService.StartAsync();

        var response = await service.Client(TestTokens.For(ErpPermissions.All)).SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        response.IsSuccessStatusCode.Should().BeTrue($"{method} {path} answered {response.StatusCode}");
    }

    [Fact]
    public void UnknownPermission_Should_FailWhenMapped_NotAtRequestTime()
    {
        var map = () => new NoConventions().RequirePermission("workflows:dsign");

        map.Should().Throw<ArgumentException>().WithMessage("*'workflows:dsign' is not an ERP permission*");
    }

    private sealed class NoConventions : Microsoft.AspNetCore.Builder.IEndpointConventionBuilder
    {
        public void Add(Action<Microsoft.AspNetCore.Builder.EndpointBuilder> convention)
        {
        }
    }
}

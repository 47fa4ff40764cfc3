using System.Net;
using FluentAssertions;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.ServiceDefaults.Tests.Infrastructure;
using LowCodeErp.Tests.Shared;

namespace LowCodeErp.ServiceDefaults.Tests;

/// <summary>
/// <c>Auth:Provider = Entra</c>: tokens shaped like Microsoft Entra ID v2.0 access tokens (tenant issuer, <c>aud</c> = the
/// API's client id, app roles in <c>roles</c>) signed by a local test key configured as the tenant's key, so nothing is
/// fetched from Microsoft. App roles become ERP permissions through the role table.
/// </summary>
public sealed class EntraTokenTests
{
    private const string Tenant = "6f1c0b3e-2a4d-4c5e-9f10-aa11bb22cc33";
    private const string ClientId = "0d9e8f7a-1b2c-4d3e-8f90-123456789abc";
    private const string EntraIssuer = $"https://login.microsoftonline.com/{Tenant}/v2.0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Auth:Provider"] = "Entra",
        ["Auth:Entra:TenantId"] = Tenant,
        ["Auth:Entra:ClientId"] = ClientId,
        ["Auth:Entra:AppRoles:Erp.CreditCommittee"] = ErpRoles.Committee,
        ["Auth:SigningKeys:0"] = TestTokens.PublicKeyPem,
    };

    private static string EntraToken(string[] roles, string audience = ClientId, string issuer = EntraIssuer, Dictionary<string, object>? extra = null)
    {
        var claims = new Dictionary<string, object>(extra ?? []) { ["tid"] = Tenant, ["oid"] = "user-oid", ["ver"] = "2.0", ["azp"] = "caller-app" };
        if (roles.Length > 0)
        {
            claims["roles"] = roles;
        }

        return TestTokens.Create(claims, issuer: issuer, audience: audience);
    }

    [Fact]
    public async Task AnalystAppRole_Should_GrantTheAnalystsPermissions_Only()
    {
        await using var service = await TestService.StartAsync(Settings);
        var client = service.Client(EntraToken(["analyst"]));

        (await client.GetAsync("/api/read", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsync("/api/design", null, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        var tasks = await client.PostAsync("/api/tasks", null, Ct);
        tasks.StatusCode.Should().Be(HttpStatusCode.Forbidden, "analysts do not work the inbox");
        (await Problem.ReadAsync(tasks))["detail"]!.ToString().Should().Contain("tasks:work");
    }

    [Fact]
    public async Task RenamedAppRole_Should_MapThroughConfiguration()
    {
        await using var service = await TestService.StartAsync(Settings);
        var client = service.Client(EntraToken(["Erp.CreditCommittee"]));

        (await client.PostAsync("/api/tasks", null, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsync("/api/design", null, Ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AdminAppRole_Should_SatisfyEveryPermission_AndApplicationIdUriAudienceIsAccepted()
    {
        await using var service = await TestService.StartAsync(Settings);

        var response = await service.Client(EntraToken(["admin"], audience: $"api://{ClientId}")).DeleteAsync("/api/admin", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task PermissionsClaimInTheToken_Should_NotGrantAnything_OnlyAppRolesDo()
    {
        await using var service = await TestService.StartAsync(Settings);
        var token = EntraToken(["sales"], extra: new() { ["permissions"] = new[] { ErpPermissions.All } });

        (await service.Client(token).DeleteAsync("/api/admin", Ct)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    // Made inside the test: theory data may be built in a discovery process with another signing key.
    private static string Token(string kind) => kind switch
    {
        "local issuer" => TestTokens.Create(new Dictionary<string, object> { ["roles"] = new[] { "admin" } }, audience: ClientId),
        "other tenant" => EntraToken(["admin"], issuer: "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0"),
        "erp-api audience" => EntraToken(["admin"], audience: "erp-api"),
        "expired" => TestTokens.Create(new Dictionary<string, object> { ["roles"] = new[] { "admin" } }, issuer: EntraIssuer, audience: ClientId, expires: DateTime.UtcNow.AddHours(-1)),
        _ => EntraToken([]),
    };

    [Theory]
    [InlineData("local issuer", "The token's issuer is not trusted.")]
    [InlineData("other tenant", "The token's issuer is not trusted.")]
    [InlineData("erp-api audience", "The token was not issued for this API (audience).")]
    [InlineData("expired", "The token has expired.")]
    [InlineData("no app role or scope", "The token grants no role or scope for this API.")]
    public async Task ForeignOrIncompleteTokens_Should_Get401_WithProblemDetails(string kind, string detail)
    {
        await using var service = await TestService.StartAsync(Settings);

        var response = await service.Client(Token(kind)).GetAsync("/api/read", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, kind);
        (await Problem.ReadAsync(response))["detail"]!.ToString().Should().Be(detail, kind);
    }
}

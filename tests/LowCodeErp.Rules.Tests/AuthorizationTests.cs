using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using LowCodeErp.Rules.Tests.Infrastructure;

namespace LowCodeErp.Rules.Tests;

/// <summary>Permissions per the auth contract: read = workflows:read, change = workflows:design, evaluate = workflows:run.</summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private readonly RulesServerFactory _server = new() { TestAuth = true };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)]
    [InlineData("workflows:read,workflows:run,tasks:work", HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.OK)]
    [InlineData("workflows:read", HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("workflows:design", HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Forbidden)]
    [InlineData("*", HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK)]
    public async Task Routes_Should_RequireTheirPermission(string? permissions, HttpStatusCode read, HttpStatusCode design, HttpStatusCode run)
    {
        var client = _server.Client(permissions);

        var list = await client.GetAsync("/api/rules", Ct);
        var publish = await client.PostAsync("/api/rules/NoDraftHere/publish", null, Ct);
        var evaluate = await client.PostAsJsonAsync("/api/rules/PricingFloor/evaluate",
            new { inputs = new { quote = new { rate = 0.06, costOfFunds = 0.03, termMonths = 48 } } }, Ct);

        list.StatusCode.Should().Be(read);
        publish.StatusCode.Should().Be(design);
        evaluate.StatusCode.Should().Be(run);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.ServiceDefaults.Tests.Infrastructure;
using LowCodeErp.Tests.Shared;

namespace LowCodeErp.ServiceDefaults.Tests;

/// <summary>The OpenAPI document and Scalar answer signed-in users only; the document declares bearer auth.</summary>
public sealed class OpenApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    public async Task Anonymous_Should_Get401(string path)
    {
        await using var service = await TestService.StartAsync();

        var response = await service.Client().GetAsync(path, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await Problem.ReadAsync(response);
    }

    [Fact]
    public async Task SignedIn_Should_GetTheDocument_DeclaringBearerAuth_AndScalar()
    {
        await using var service = await TestService.StartAsync();
        // Any signed-in user, even one without permissions, may read the API description.
        var client = service.Client(TestTokens.For());

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Ct))!;
        var scalar = await client.GetAsync("/scalar/v1", Ct);

        document["paths"]!.AsObject().Select(p => p.Key).Should().Contain("/api/read");
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        scheme["type"]!.ToString().Should().Be("http");
        scheme["scheme"]!.ToString().Should().Be("bearer");
        document["security"]!.AsArray().Should().ContainSingle();
        scalar.StatusCode.Should().Be(HttpStatusCode.OK);
        (await scalar.Content.ReadAsStringAsync(Ct)).Should().Contain("Bearer");
    }
}

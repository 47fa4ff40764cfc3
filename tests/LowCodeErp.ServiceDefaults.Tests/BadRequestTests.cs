using System.Net;
using System.Text;
using FluentAssertions;
using LowCodeErp.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LowCodeErp.ServiceDefaults.Tests;

/// <summary>
/// Requests minimal APIs cannot bind answer 400 ProblemDetails naming the field in Production too (where the framework
/// would otherwise write a bodyless 400), without CLR type names or the JSON reader's own text.
/// </summary>
public sealed class BadRequestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnreadableJsonBody_Should_Be400ProblemDetails_NamingTheJsonPath_InProduction()
    {
        await using var service = await StartAsync();

        using var body = new StringContent("""{ "content": 42 }""", Encoding.UTF8, "application/json");
        var response = await service.Client().PostAsync("/api/documents", body, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var detail = (await Problem.ReadAsync(response))["detail"]!.ToString();
        detail.Should().Contain("'$.content'").And.NotContain("DocumentBody").And.NotContain("System.").And.NotContain("could not be converted");
    }

    [Fact]
    public async Task MissingRequiredParameter_Should_Be400ProblemDetails_NamingTheParameter_WithoutItsClrType()
    {
        await using var service = await StartAsync();

        var response = await service.Client().GetAsync("/api/search", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var detail = (await Problem.ReadAsync(response))["detail"]!.ToString();
        detail.Should().Be("The parameter 'term' is missing or not valid.");
    }

    private static Task<TestService> StartAsync() => TestService.StartAsync(endpoints: app =>
    {
        app.MapPost("/api/documents", (DocumentBody body) => Results.Ok(body.Content)).AllowAnonymous();
        app.MapGet("/api/search", (string term) => Results.Ok(term)).AllowAnonymous();
    });

    public sealed record DocumentBody(string Content);
}

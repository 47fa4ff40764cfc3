using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Workflows.Api.Tests;

/// <summary>
/// The embedded server over HTTP with real tokens: anonymous callers get 401, each permission opens its own routes and
/// nothing else (403 naming the missing permission), the operator endpoints and HTTP workflows stay anonymous.
/// </summary>
public sealed class ServerSecurityTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/elsa/api/workflow-definitions")]
    [InlineData("/elsa/api/workflow-instances")]
    [InlineData("/elsa/api/descriptors/activities")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    public async Task Anonymous_Should_Get401ProblemDetails(string path)
    {
        var response = await server.CreateAnonymousClient().GetAsync(path, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, path);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["detail"]!.ToString().Should().Be("A bearer token is required.");
    }

    [Fact]
    public void EmbeddedServer_Should_StartTheBusBeforeItListens()
    {
        // Otherwise a request right after start-up can dispatch work to a bus that is still starting, and the server
        // answers /health/ready with 503 although it is listening.
        server.Services.GetRequiredService<IOptions<MassTransitHostOptions>>().Value.WaitUntilStarted.Should().BeTrue();
    }

    [Fact]
    public async Task Reader_Should_Read_ButNotDesignRunOrAdminister()
    {
        var reader = server.CreateClientFor(ErpPermissions.WorkflowsRead);

        (await reader.GetAsync("/elsa/api/workflow-definitions", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        await ShouldBeForbiddenAsync(await reader.PostAsJsonAsync("/elsa/api/workflow-definitions", new { publish = false }, Ct), ErpPermissions.WorkflowsDesign);
        await ShouldBeForbiddenAsync(await reader.PostAsync("/elsa/api/workflow-definitions/nope/execute", null, Ct), ErpPermissions.WorkflowsRun);
        await ShouldBeForbiddenAsync(await reader.DeleteAsync("/elsa/api/workflow-instances/nope", Ct), ErpPermissions.Admin);
    }

    [Fact]
    public async Task Designer_Should_ReachTheDesignRoutes()
    {
        var analyst = server.CreateClientFor([.. ErpPermissions.ByRole[ErpRoles.Analyst]]);

        // Past authorization, the request itself is judged: the model is missing.
        (await analyst.PostAsJsonAsync("/elsa/api/workflow-definitions", new { publish = false }, Ct)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await analyst.PostAsync("/elsa/api/workflow-definitions/nope/execute", null, Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await ShouldBeForbiddenAsync(await analyst.DeleteAsync("/elsa/api/workflow-instances/nope", Ct), ErpPermissions.Admin);
    }

    [Fact]
    public async Task Staff_Should_RunWorkflows_ButNotDesignThem()
    {
        var staff = server.CreateClientFor([.. ErpPermissions.ByRole[ErpRoles.Underwriter]]);

        (await staff.PostAsync("/elsa/api/workflow-definitions/nope/execute", null, Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await staff.PostAsync("/elsa/api/cancel/workflow-instances/nope", null, Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await ShouldBeForbiddenAsync(await staff.PostAsync("/elsa/api/workflow-definitions/nope/publish", null, Ct), ErpPermissions.WorkflowsDesign);
    }

    [Fact]
    public async Task Administrator_Should_DeleteInstanceData()
    {
        var admin = server.CreateClientFor(ErpPermissions.Admin);

        (await admin.DeleteAsync("/elsa/api/workflow-instances/nope", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OperatorEndpoints_And_HttpWorkflows_Should_StayAnonymous()
    {
        var anonymous = server.CreateAnonymousClient();

        (await anonymous.GetAsync("/elsa/api/package/version", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/metrics", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/health/live", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        var (readyStatus, report) = await ReadyEventuallyAsync(anonymous);
        readyStatus.Should().Be(HttpStatusCode.OK, report?.ToJsonString());
        // Readiness covers the database and the bus (MassTransit's check, tagged "ready", carries start/resume dispatch).
        var checks = report!["checks"]!.AsArray().Select(c => c!).ToList();
        checks.Select(c => c["name"]!.ToString()).Should().Contain("workflows-database").And.Contain(name => name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
        checks.Should().OnlyContain(c => c["status"]!.ToString() == "Healthy");
        // An HttpEndpoint is anonymous unless it says otherwise (as in Elsa): no token, and still routed (404: no flow).
        (await anonymous.GetAsync("/workflows/no-such-endpoint", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// Polls <c>/health/ready</c> until it answers 200 with every check Healthy, or 60 s pass; returns the last answer.
    /// The embedded host starts the bus before it listens (<c>MassTransitHostOptions.WaitUntilStarted</c>, checked in
    /// <see cref="EmbeddedServer_Should_StartTheBusBeforeItListens"/>); polling keeps this test about anonymity, not start-up order.
    /// </summary>
    private static async Task<(HttpStatusCode Status, JsonNode? Report)> ReadyEventuallyAsync(HttpClient client)
    {
        for (var clock = Stopwatch.StartNew(); ; await Task.Delay(100, Ct))
        {
            using var response = await client.GetAsync("/health/ready", Ct);
            var report = await response.Content.ReadFromJsonAsync<JsonNode>(Ct);
            if ((response.StatusCode == HttpStatusCode.OK && report?["status"]?.ToString() == "Healthy") || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                return (response.StatusCode, report);
            }
        }
    }

    private static async Task ShouldBeForbiddenAsync(HttpResponseMessage response, string permission)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, response.RequestMessage!.RequestUri!.ToString());
        (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["detail"]!.ToString().Should().Contain($"'{permission}'");
    }
}

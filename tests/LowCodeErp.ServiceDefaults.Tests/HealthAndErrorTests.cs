using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.ServiceDefaults.Health;
using LowCodeErp.ServiceDefaults.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LowCodeErp.ServiceDefaults.Tests;

/// <summary>Health endpoints (anonymous; ready = the checks tagged "ready") and ProblemDetails for unhandled errors.</summary>
public sealed class HealthAndErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Live_Should_AnswerAnonymously_WithoutAskingDependencies()
    {
        await using var service = await TestService.StartAsync(services: s => s.AddReadinessCheck<FailingCheck>("database"));

        var response = await service.Client().GetAsync("/health/live", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).Should().Be("Healthy");
    }

    [Fact]
    public async Task Ready_Should_Be503_NamingTheFailingCheck_WhenADependencyIsDown()
    {
        await using var service = await TestService.StartAsync(services: s => s
            .AddReadinessCheck<HealthyCheck>("bus")
            .AddReadinessCheck<FailingCheck>("database"));

        var response = await service.Client().GetAsync("/health/ready", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        report["status"]!.ToString().Should().Be("Unhealthy");
        var checks = report["checks"]!.AsArray().ToDictionary(c => c!["name"]!.ToString(), c => c!["status"]!.ToString());
        checks.Should().Equal(new Dictionary<string, string> { ["bus"] = "Healthy", ["database"] = "Unhealthy" });
        report.ToJsonString().Should().NotContain("password", "exception texts stay out of the anonymous report");
    }

    [Fact]
    public async Task Ready_Should_Be200_WhenEveryReadyCheckPasses()
    {
        await using var service = await TestService.StartAsync(services: s => s.AddReadinessCheck<HealthyCheck>("database"));

        var response = await service.Client().GetAsync("/health/ready", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["status"]!.ToString().Should().Be("Healthy");
    }

    [Fact]
    public async Task UnhandledException_Should_Be500ProblemDetails_WithoutStackTraceOrMessage_OutsideDevelopment()
    {
        await using var service = await TestService.StartAsync();

        var response = await service.Client().GetAsync("/api/boom", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var problem = await Problem.ReadAsync(response);
        problem["traceId"]!.ToString().Should().NotBeNullOrWhiteSpace("operators find the log line by it");
        var body = problem.ToJsonString();
        body.Should().NotContain("secret connection string").And.NotContain("InvalidOperationException").And.NotContain(" at ");
    }

    [Fact]
    public async Task UnknownRoute_Should_Be404ProblemDetails()
    {
        await using var service = await TestService.StartAsync();

        var response = await service.Client().GetAsync("/api/nope", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await Problem.ReadAsync(response);
    }

    private sealed class HealthyCheck : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(HealthCheckResult.Healthy("fine"));
    }

    private sealed class FailingCheck : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Host=db;password=hunter2 refused the connection");
    }
}

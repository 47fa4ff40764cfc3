using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LowCodeErp.ServiceDefaults.Health;

/// <summary>Tags that put a health check into <c>/health/live</c> or <c>/health/ready</c>.</summary>
public static class HealthTags
{
    /// <summary>The process answers (no dependency is checked: a live process with a dead database is restarted in vain).</summary>
    public const string Live = "live";

    /// <summary>The service can do its work: its database(s), the message bus.</summary>
    public const string Ready = "ready";
}

/// <summary><c>/health/live</c> and <c>/health/ready</c>; anonymous, because orchestrators probe without tokens.</summary>
public static class HealthSetup
{
    /// <summary>Registers the liveness check.</summary>
    public static IServiceCollection AddErpHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: [HealthTags.Live]);
        return services;
    }

    /// <summary>Adds a check to <c>/health/ready</c> (a database, the bus).</summary>
    public static IServiceCollection AddReadinessCheck<TCheck>(this IServiceCollection services, string name)
        where TCheck : class, IHealthCheck
    {
        services.AddHealthChecks().AddCheck<TCheck>(name, failureStatus: HealthStatus.Unhealthy, tags: [HealthTags.Ready]);
        return services;
    }

    /// <summary>Maps both endpoints: live answers plain text, ready a JSON report per check (503 when one is unhealthy).</summary>
    public static IEndpointRouteBuilder MapErpHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Live) })
            .AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = WriteReportAsync,
        }).AllowAnonymous();
        return endpoints;
    }

    // Names, statuses and descriptions only: exception texts could reveal connection details to anonymous callers.
    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds),
            checks = report.Entries.Select(entry => new
            {
                name = entry.Key,
                status = entry.Value.Status.ToString(),
                // A thrown exception becomes the description: leave it out (it is logged).
                description = entry.Value.Exception is null ? entry.Value.Description : "The check failed; see the service log.",
                durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds),
            }),
        }, cancellationToken: context.RequestAborted);
    }
}

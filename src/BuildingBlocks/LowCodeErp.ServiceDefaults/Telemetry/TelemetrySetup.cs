using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LowCodeErp.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs (ASP.NET Core, HttpClient, runtime), exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and metrics scraped by Prometheus at <c>/metrics</c>.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>Meters and activity sources of ERP code start with this prefix (e.g. <c>LowCodeErp.Workflows</c>).</summary>
    public const string SourcePrefix = "LowCodeErp.*";

    /// <summary>Registers providers, instrumentation and exporters; log lines carry trace and span ids.</summary>
    public static IHostApplicationBuilder AddErpTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        // Outside Development the console writes one JSON object per line (with scopes, so trace ids), unless configured.
        if (!builder.Environment.IsDevelopment() && string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(SourcePrefix)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, SourcePrefix)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperationsPath(context.Request.Path))
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> in the Prometheus text format, anonymous like the health endpoints: scrapers have no tokens, and the
    /// series (request counts and durations per route, runtime figures) hold no business data. Keep it off the public
    /// ingress; <c>Metrics:RequirePermission</c> (e.g. <c>admin</c>) closes it where scrapes can send a token.
    /// </summary>
    public static IEndpointRouteBuilder MapErpMetrics(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var metrics = endpoints.MapPrometheusScrapingEndpoint("/metrics");
        var permission = configuration["Metrics:RequirePermission"];
        if (string.IsNullOrWhiteSpace(permission))
        {
            metrics.AllowAnonymous();
        }
        else
        {
            Auth.PermissionPolicies.RequirePermission(metrics, permission);
        }

        return endpoints;
    }

    private static bool IsOperationsPath(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);
}

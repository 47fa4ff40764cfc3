using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.ServiceDefaults.Errors;
using LowCodeErp.ServiceDefaults.Health;
using LowCodeErp.ServiceDefaults.Http;
using LowCodeErp.ServiceDefaults.OpenApi;
using LowCodeErp.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LowCodeErp.ServiceDefaults;

/// <summary>
/// What every ERP service shares, in two calls: <c>builder.AddServiceDefaults()</c> before <c>Build()</c> and
/// <c>app.MapServiceDefaults()</c> before the service maps its own endpoints.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Token validation (<c>Auth</c>) and permission policies, ProblemDetails, OpenAPI, health checks, OpenTelemetry with
    /// Prometheus, and resilience for every <c>IHttpClientFactory</c> client (<c>ServiceCalls</c>).
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddErpAuthentication();
        builder.AddErpTelemetry();
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<DependencyFailureExceptionHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Minimal APIs then throw for a body or parameter they cannot bind, in every environment (the default is only in
        // Development), so BadRequestExceptionHandler answers ProblemDetails naming the field instead of a bodyless 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddErpOpenApi();
        services.AddErpHealthChecks();
        services.AddErpServiceCallResilience(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// The shared middleware (exception handler → ProblemDetails without stack traces outside Development, ProblemDetails
    /// for bodiless error statuses, authentication, authorization) and endpoints: <c>/health/live</c>, <c>/health/ready</c>,
    /// <c>/metrics</c>, <c>/openapi/v1.json</c> and <c>/scalar/v1</c>.
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapErpHealthChecks();
        app.MapErpMetrics(app.Configuration);
        app.MapErpOpenApi();
        return app;
    }
}

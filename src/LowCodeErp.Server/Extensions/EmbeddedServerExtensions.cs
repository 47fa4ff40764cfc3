using LowCodeErp.HumanTasks;
using LowCodeErp.HumanTasks.Api;
using LowCodeErp.Server.Auth;
using LowCodeErp.Server.Startup;
using LowCodeErp.Workflows.Api;
using LowCodeErp.Workflows.Api.HttpWorkflows;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Runtime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace LowCodeErp.Server.Extensions;

/// <summary>Composes the embedded shape: engine, runtime on SQLite, the Elsa API, OpenAPI + Scalar, health.</summary>
public static class EmbeddedServerExtensions
{
    /// <summary>Registers every service of the embedded server.</summary>
    public static WebApplicationBuilder AddEmbeddedServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Migrate and import first: hosted services start in registration order, and the runtime's own (recovery, timers)
        // need the schema.
        services.AddOptions<WorkflowsStartupOptions>().Bind(builder.Configuration.GetSection(WorkflowsStartupOptions.Section));
        services.AddHostedService<WorkflowsStartupService>();
        services.AddHostedService<WorkflowsFolderWatcher>();
        // Human tasks before the runtime: its migrator (a hosted service) must run before recovery and timers resume instances.
        services.AddHumanTasks();
        services.AddWorkflowEngine();
        services.AddWorkflowRuntime(builder.Configuration);
        services.AddElsaApi();
        // Until single sign-on (issue 5) every caller is the embedded administrator; see EmbeddedAuthenticationHandler.
        services.AddAuthentication(EmbeddedAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, EmbeddedAuthenticationHandler>(EmbeddedAuthenticationHandler.SchemeName, null);
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        return builder;
    }

    /// <summary>Middleware.</summary>
    public static WebApplication UseEmbeddedServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Endpoints: <c>/elsa/api</c>, <c>/api/tasks</c>, <c>/workflows/{**path}</c> (HTTP-triggered flows), <c>/openapi/v1.json</c>, <c>/scalar/v1</c>, <c>/health/live</c>.</summary>
    public static WebApplication MapEmbeddedServerEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapElsaApi();
        app.MapHttpWorkflows();
        app.MapHumanTasksApi();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthChecks("/health/live", new() { Predicate = check => check.Tags.Contains("live") });
        return app;
    }
}

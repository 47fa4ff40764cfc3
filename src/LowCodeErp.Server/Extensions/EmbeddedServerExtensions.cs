using LowCodeErp.Identity;
using LowCodeErp.Server.Auth;
using LowCodeErp.Server.Startup;
using LowCodeErp.Workflows.Api;
using LowCodeErp.Workflows.Api.HttpWorkflows;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Runtime;
using LowCodeErp.Workflows.Runtime.Dispatch;
using LowCodeErp.Workflows.Runtime.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Data.Sqlite;
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
        services.AddWorkflowEngine();
        services.AddWorkflowRuntime(builder.Configuration);
        // Background start/resume: the in-memory transport in the embedded shape (RabbitMQ arrives with the
        // distributed shape's messaging foundation).
        services.AddMassTransit(bus =>
        {
            bus.AddWorkflowDispatchConsumers();
            bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
        });
        services.AddBackgroundWorkflowDispatcher();
        services.AddElsaApi();
        // Until single sign-on (issue 5) every caller is the embedded administrator; see EmbeddedAuthenticationHandler.
        services.AddAuthentication(EmbeddedAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, EmbeddedAuthenticationHandler>(EmbeddedAuthenticationHandler.SchemeName, null);
        AddIdentity(builder);
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

    /// <summary>Endpoints: <c>/elsa/api</c>, <c>/workflows/{**path}</c> (HTTP-triggered flows), <c>/openapi/v1.json</c>, <c>/scalar/v1</c>, <c>/health/live</c>.</summary>
    public static WebApplication MapEmbeddedServerEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapElsaApi();
        app.MapHttpWorkflows();
        app.MapIdentityService();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthChecks("/health/live", new() { Predicate = check => check.Tags.Contains("live") });
        return app;
    }

    /// <summary>
    /// Single sign-on in-process (issue 5). Its SQLite database and generated keys sit in the workflows database's folder
    /// unless configured otherwise: the embedded shape has one data folder.
    /// </summary>
    private static void AddIdentity(WebApplicationBuilder builder)
    {
        var workflows = WorkflowsDatabaseOptions.FromConfiguration(builder.Configuration);
        if (builder.Configuration["Identity:DataFolder"] is null && workflows.Provider == WorkflowsDatabaseProvider.Sqlite
            && Path.GetDirectoryName(new SqliteConnectionStringBuilder(workflows.ConnectionString).DataSource) is { Length: > 0 } folder)
        {
            builder.Configuration.AddInMemoryCollection([new("Identity:DataFolder", folder)]);
        }

        builder.AddIdentityService();
    }
}

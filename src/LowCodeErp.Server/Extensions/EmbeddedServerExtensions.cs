using LowCodeErp.Identity;
using LowCodeErp.Activities.Sample;
using LowCodeErp.Server.Auth;
using LowCodeErp.Server.Startup;
using LowCodeErp.Studio;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Api;
using LowCodeErp.Workflows.Api.HttpWorkflows;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Core.Plugins;
using LowCodeErp.Workflows.Runtime;
using LowCodeErp.Workflows.Runtime.Dispatch;
using LowCodeErp.Workflows.Runtime.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace LowCodeErp.Server.Extensions;

/// <summary>Composes the embedded shape: engine, sample and folder plugins, runtime on SQLite, the Elsa API, Elsa Studio, OpenAPI + Scalar, health.</summary>
public static class EmbeddedServerExtensions
{
    /// <summary>Registers every service of the embedded server.</summary>
    public static WebApplicationBuilder AddEmbeddedServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Migrate and import first: hosted services start in registration order, and the runtime's own (recovery, timers)
        // need the schema.
        services.AddHostedService<ActivityPluginsReporter>();
        services.AddOptions<WorkflowsStartupOptions>().Bind(builder.Configuration.GetSection(WorkflowsStartupOptions.Section));
        services.AddHostedService<WorkflowsStartupService>();
        services.AddHostedService<WorkflowsFolderWatcher>();
        services.AddWorkflowEngine();
        services.AddActivitiesFrom<AddBusinessDays>();
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
        services.AddElsaStudio(builder.Configuration);
        // Until single sign-on (issue 5) every caller is the embedded administrator; see EmbeddedAuthenticationHandler.
        services.AddAuthentication(EmbeddedAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, EmbeddedAuthenticationHandler>(EmbeddedAuthenticationHandler.SchemeName, null);
        AddIdentity(builder);
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        // Last: a folder plugin may not take an activity type that a built-in or referenced activity already has.
        services.AddActivityPlugins(PluginsFolder(builder));
        return builder;
    }

    /// <summary><c>Workflows:Plugins:Path</c>, relative to the content root; <c>plugins</c> by default.</summary>
    private static string PluginsFolder(WebApplicationBuilder builder) =>
        Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Workflows:Plugins:Path"] is { Length: > 0 } path ? path : "plugins");

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

    /// <summary>Endpoints: <c>/elsa/api</c>, <c>/workflows/{**path}</c> (HTTP-triggered flows), <c>/studio</c> (Elsa Studio), <c>/openapi/v1.json</c>, <c>/scalar/v1</c>, <c>/health/live</c>.</summary>
    public static WebApplication MapEmbeddedServerEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapElsaApi();
        app.MapHttpWorkflows();
        app.MapIdentityService();
        app.MapElsaStudio();
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

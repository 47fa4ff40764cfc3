using LowCodeErp.Server.Health;
using LowCodeErp.Server.Startup;
using LowCodeErp.ServiceDefaults;
using LowCodeErp.ServiceDefaults.Health;
using LowCodeErp.Workflows.Api;
using LowCodeErp.Workflows.Api.HttpWorkflows;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Runtime;

namespace LowCodeErp.Server.Extensions;

/// <summary>
/// Composes the embedded shape: service defaults (bearer tokens, permissions, OpenAPI + Scalar, health, metrics),
/// engine, runtime on SQLite and the Elsa API.
/// </summary>
public static class EmbeddedServerExtensions
{
    /// <summary>Registers every service of the embedded server.</summary>
    public static WebApplicationBuilder AddEmbeddedServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddServiceDefaults();
        var services = builder.Services;
        // Migrate and import first: hosted services start in registration order, and the runtime's own (recovery, timers)
        // need the schema.
        services.AddOptions<WorkflowsStartupOptions>().Bind(builder.Configuration.GetSection(WorkflowsStartupOptions.Section));
        services.AddHostedService<WorkflowsStartupService>();
        services.AddHostedService<WorkflowsFolderWatcher>();
        services.AddWorkflowEngine();
        services.AddWorkflowRuntime(builder.Configuration);
        services.AddElsaApi();
        services.AddReadinessCheck<WorkflowsDatabaseHealthCheck>("workflows-database");
        return builder;
    }

    /// <summary>Middleware and the shared endpoints (<c>/health/*</c>, <c>/metrics</c>, <c>/openapi/v1.json</c>, <c>/scalar/v1</c>).</summary>
    public static WebApplication UseEmbeddedServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapServiceDefaults();
        return app;
    }

    /// <summary>Endpoints: <c>/elsa/api</c> (token and permission required) and <c>/workflows/{**path}</c> (HTTP-triggered flows).</summary>
    public static WebApplication MapEmbeddedServerEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapElsaApi();
        app.MapHttpWorkflows();
        return app;
    }
}

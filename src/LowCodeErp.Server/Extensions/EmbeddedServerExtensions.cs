using LowCodeErp.Activities.Sample;
using LowCodeErp.HumanTasks;
using LowCodeErp.HumanTasks.Api;
using LowCodeErp.Identity;
using LowCodeErp.Rules;
using LowCodeErp.Rules.Api;
using LowCodeErp.Server.Auth;
using LowCodeErp.Server.Health;
using LowCodeErp.Server.Startup;
using LowCodeErp.ServiceDefaults;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.ServiceDefaults.Health;
using LowCodeErp.ServiceDefaults.OpenApi;
using LowCodeErp.Studio;
using LowCodeErp.Studio.Auth;
using LowCodeErp.Web;
using LowCodeErp.Web.Auth;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Api;
using LowCodeErp.Workflows.Api.HttpWorkflows;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Core.Plugins;
using LowCodeErp.Workflows.Runtime;
using LowCodeErp.Workflows.Runtime.Dispatch;
using LowCodeErp.Workflows.Runtime.Persistence;
using MassTransit;
using Microsoft.Data.Sqlite;

namespace LowCodeErp.Server.Extensions;

/// <summary>
/// Composes the embedded shape: service defaults (bearer tokens, permissions, OpenAPI + Scalar, health, metrics), the
/// single sign-on service, engine with the sample and folder plugins, runtime on SQLite with background dispatch over
/// the in-memory bus, the Elsa API and Elsa Studio.
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
        services.AddHostedService<ActivityPluginsReporter>();
        // Rules first: their start-up (migrate, import rules/, warm) must precede the workflow import, which validates
        // Erp.EvaluateRules ports against the rule sets.
        services.AddRules(builder.Configuration);
        services.AddOptions<WorkflowsStartupOptions>().Bind(builder.Configuration.GetSection(WorkflowsStartupOptions.Section));
        services.AddHostedService<WorkflowsStartupService>();
        services.AddHostedService<WorkflowsFolderWatcher>();
        // Human tasks before the runtime: its migrator (a hosted service) must run before recovery and timers resume instances.
        services.AddHumanTasks();
        services.AddWorkflowEngine();
        services.AddActivitiesFrom<AddBusinessDays>();
        services.AddWorkflowRuntime(builder.Configuration);
        // Background start/resume: the in-memory transport in the embedded shape.
        services.AddMassTransit(bus =>
        {
            bus.AddWorkflowDispatchConsumers();
            bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
        });
        // Start the bus before the server listens, so a request that dispatches work never meets a bus still starting
        // and /health/ready is green as soon as the server answers.
        services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        services.AddBackgroundWorkflowDispatcher();
        services.AddElsaApi();
        services.AddElsaStudio(builder.Configuration);
        // Studio's pages and Scalar: login cookie, and a token of the signed-in user for the API calls they make.
        services.AddSingleton<SignedInUserPageTokens>();
        services.AddSingleton<IStudioAccessTokenProvider>(sp => sp.GetRequiredService<SignedInUserPageTokens>());
        services.AddSingleton<IApiDocsAccessTokenProvider>(sp => sp.GetRequiredService<SignedInUserPageTokens>());
        // Studio's pages share the web application's page policy (login cookie), which AddErpWeb registers below.
        services.PostConfigure<StudioOptions>(studio => studio.PagePolicy ??= PagePolicies.SignedInPage);
        services.AddApiDocsBrowserSignIn(IdentityServiceDefaults.CookieScheme);
        // The staff web application (inbox): the same login cookie; roles and permissions from the user store.
        services.AddErpWeb(web => web.AuthenticationScheme = IdentityServiceDefaults.CookieScheme);
        services.AddSingleton<IErpUserClaims, SignedInUserWebClaims>();
        AddIdentity(builder);
        services.AddReadinessCheck<WorkflowsDatabaseHealthCheck>("workflows-database");
        // Last: a folder plugin may not take an activity type that a built-in or referenced activity already has.
        services.AddActivityPlugins(PluginsFolder(builder));
        return builder;
    }

    /// <summary>Middleware and the shared endpoints (<c>/health/*</c>, <c>/metrics</c>, <c>/openapi/v1.json</c>, <c>/scalar/v1</c>).</summary>
    public static WebApplication UseEmbeddedServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapServiceDefaults();
        return app;
    }

    /// <summary>
    /// Endpoints: <c>/elsa/api</c> (token and permission required), <c>/workflows/{**path}</c> (HTTP-triggered flows),
    /// <c>/api/rules</c>, <c>/api/tasks</c>, single sign-on (<c>/connect/*</c>, <c>/account/*</c>, <c>/api/identity/*</c>), <c>/studio</c> (Elsa Studio)
    /// and <c>/inbox</c> (the staff web application; <c>/</c> redirects to it).
    /// </summary>
    public static WebApplication MapEmbeddedServerEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapElsaApi();
        app.MapHttpWorkflows();
        app.MapRulesApi();
        app.MapHumanTasksApi();
        app.MapIdentityService();
        app.MapElsaStudio();
        app.MapErpWeb();
        return app;
    }

    /// <summary><c>Workflows:Plugins:Path</c>, relative to the content root; <c>plugins</c> by default.</summary>
    private static string PluginsFolder(WebApplicationBuilder builder) =>
        Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Workflows:Plugins:Path"] is { Length: > 0 } path ? path : "plugins");

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

using System.Net.Http.Headers;
using LowCodeErp.HumanTasks.Api;
using LowCodeErp.HumanTasks.Persistence;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.HumanTasks.Tests.Infrastructure;

/// <summary>
/// The real engine, runtime (with its timer service), task store and /api/tasks in a test server on one database;
/// callers sign in through <see cref="HeaderAuthenticationHandler"/>.
/// </summary>
public sealed class TasksHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TasksHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;
    public IWorkflowRuntime Runtime => Services.GetRequiredService<IWorkflowRuntime>();
    public IWorkflowInstanceStore Instances => Services.GetRequiredService<IWorkflowInstanceStore>();
    public IWorkflowLogStore Logs => Services.GetRequiredService<IWorkflowLogStore>();
    public HumanTasksDbContextFactory Tasks => Services.GetRequiredService<HumanTasksDbContextFactory>();

    public static async Task<TasksHost> StartAsync(WorkflowsDatabaseOptions database, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var services = builder.Services;
        // Timers are polled often so escalation tests wait for the due time, not for the poll.
        services.AddSingleton(new TimerServiceOptions { PollInterval = TimeSpan.FromMilliseconds(100) });
        configure?.Invoke(services);
        services.AddWorkflowEngine().AddWorkflowRuntime(database).AddHumanTasks();
        services.AddProblemDetails();
        services.AddPermissionPolicies(); // the host's part, as AddServiceDefaults does it in the servers
        services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHumanTasksApi();
        // The runtime's schema first (the server's start-up service does this), then the tasks migrator starts with the host.
        await app.Services.GetRequiredService<WorkflowsDbContextFactory>().MigrateAsync(TestContext.Current.CancellationToken);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TasksHost(app);
    }

    /// <summary>A client signed in as <paramref name="user"/> with the given roles and the inbox permission.</summary>
    public HttpClient As(string user, string roles = "", string permissions = "tasks:work")
    {
        var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Add(HeaderAuthenticationHandler.Header, $"{user}; roles={roles}; permissions={permissions}");
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public HttpClient Anonymous() => _app.GetTestClient();

    /// <summary>Saves and publishes a definition from JSON.</summary>
    public async Task PublishAsync(string json)
    {
        var read = Services.GetRequiredService<WorkflowSerializer>().Read(json);
        if (!read.IsValid)
        {
            throw new InvalidOperationException(string.Join("; ", read.Errors));
        }

        var store = Services.GetRequiredService<IWorkflowDefinitionStore>();
        await store.SaveDraftAsync(read.Definition!, TestContext.Current.CancellationToken);
        var published = await store.PublishAsync(read.Definition!.DefinitionId, TestContext.Current.CancellationToken);
        if (!published.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", published.Errors));
        }
    }

    public Task<WorkflowRunResult> StartAsync(string definitionId, IReadOnlyDictionary<string, object?>? input = null, string? businessKey = null) =>
        Runtime.StartAsync(new StartWorkflowRequest(definitionId, VersionOptions.Published, businessKey, input), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

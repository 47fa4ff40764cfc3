using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime.Import;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Runtime.Tests.Infrastructure;

/// <summary>An engine plus runtime on one database, as a process would have it. A second host on the same database is a restart.</summary>
public sealed class RuntimeHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private RuntimeHost(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;
    public IWorkflowDefinitionStore Definitions => _services.GetRequiredService<IWorkflowDefinitionStore>();
    public IWorkflowInstanceStore Instances => _services.GetRequiredService<IWorkflowInstanceStore>();
    public IBookmarkStore Bookmarks => _services.GetRequiredService<IBookmarkStore>();
    public IWorkflowLogStore Logs => _services.GetRequiredService<IWorkflowLogStore>();
    public WorkflowFolderImporter Importer => _services.GetRequiredService<WorkflowFolderImporter>();
    public WorkflowFolderExporter Exporter => _services.GetRequiredService<WorkflowFolderExporter>();
    public WorkflowRunner Runner => _services.GetRequiredService<WorkflowRunner>();
    public WorkflowStateMapper Mapper => _services.GetRequiredService<WorkflowStateMapper>();
    public WorkflowsDbContextFactory Contexts => _services.GetRequiredService<WorkflowsDbContextFactory>();
    public IWorkflowRuntime Runtime => _services.GetRequiredService<IWorkflowRuntime>();
    public TimerService Timers => _services.GetRequiredService<TimerService>();
    public InstanceRecoveryService Recovery => _services.GetRequiredService<InstanceRecoveryService>();

    /// <summary>Builds the services and applies the provider's migrations.</summary>
    public static async Task<RuntimeHost> StartAsync(WorkflowsDatabaseOptions database, TimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        var collection = new ServiceCollection();
        if (clock is not null)
        {
            collection.AddSingleton(clock); // before the engine, whose TryAdd then keeps it
        }

        collection.AddWorkflowEngine().AddWorkflowRuntime(database);
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        var host = new RuntimeHost(services);
        await host.Contexts.MigrateAsync(TestContext.Current.CancellationToken);
        return host;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime.Import;
using LowCodeErp.Workflows.Runtime.Persistence;
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

    /// <summary>Builds the services and applies the provider's migrations.</summary>
    public static async Task<RuntimeHost> StartAsync(WorkflowsDatabaseOptions database)
    {
        var services = new ServiceCollection().AddWorkflowEngine().AddWorkflowRuntime(database).BuildServiceProvider();
        var host = new RuntimeHost(services);
        await host.Contexts.MigrateAsync(TestContext.Current.CancellationToken);
        return host;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

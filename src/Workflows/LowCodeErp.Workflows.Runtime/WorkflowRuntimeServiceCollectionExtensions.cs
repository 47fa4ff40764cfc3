using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Import;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCodeErp.Workflows.Runtime;

/// <summary>Registers the durable runtime (call <c>AddWorkflowEngine</c> as well).</summary>
public static class WorkflowRuntimeServiceCollectionExtensions
{
    /// <summary>Adds the stores with the database from <c>Workflows:Database:Provider</c> and <c>ConnectionStrings:Workflows</c>.</summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services, IConfiguration configuration) =>
        services.AddWorkflowRuntime(WorkflowsDatabaseOptions.FromConfiguration(configuration));

    /// <summary>Adds the stores with the given database.</summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services, WorkflowsDatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(database);
        services.AddSingleton<WorkflowsDbContextFactory>();
        services.AddSingleton<IDbContextFactory<WorkflowsDbContext>>(sp => sp.GetRequiredService<WorkflowsDbContextFactory>());
        services.AddSingleton<EfWorkflowDefinitionStore>();
        services.AddSingleton<IWorkflowDefinitionStore>(sp => sp.GetRequiredService<EfWorkflowDefinitionStore>());
        // Replace, not TryAdd: the engine registers its in-memory provider, and which runs first must not matter.
        services.Replace(ServiceDescriptor.Singleton<IWorkflowDefinitionProvider>(sp => sp.GetRequiredService<EfWorkflowDefinitionStore>()));
        services.AddSingleton<IWorkflowInstanceStore, EfWorkflowInstanceStore>();
        services.AddSingleton<IBookmarkStore, EfBookmarkStore>();
        services.AddSingleton<IWorkflowLogStore, EfWorkflowLogStore>();
        services.AddSingleton<WorkflowFolderImporter>();
        services.AddSingleton<WorkflowFolderExporter>();
        return services;
    }
}

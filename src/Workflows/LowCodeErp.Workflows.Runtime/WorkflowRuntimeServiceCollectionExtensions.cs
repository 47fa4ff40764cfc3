using LowCodeErp.Workflows.Core.Activities.Composition;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Import;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Services;
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
        // Publish/retract/delete go through the trigger-indexing decorator (the importer too); reads go straight through.
        services.AddSingleton<TriggerIndexingDefinitionStore>();
        services.AddSingleton<IWorkflowDefinitionStore>(sp => sp.GetRequiredService<TriggerIndexingDefinitionStore>());
        // Replace, not TryAdd: the engine registers its in-memory provider, and which runs first must not matter.
        services.Replace(ServiceDescriptor.Singleton<IWorkflowDefinitionProvider>(sp => sp.GetRequiredService<IWorkflowDefinitionStore>()));
        services.AddSingleton<GroupCommitWriter>();
        services.AddSingleton<EfWorkflowInstanceStore>();
        services.AddSingleton<WorkflowInstanceImporter>();
        services.AddSingleton<IWorkflowInstanceStore>(sp => sp.GetRequiredService<EfWorkflowInstanceStore>());
        services.AddSingleton<IBookmarkStore, EfBookmarkStore>();
        services.AddSingleton<IWorkflowLogStore, EfWorkflowLogStore>();
        services.AddSingleton<WorkflowFolderImporter>();
        services.AddSingleton<WorkflowFolderExporter>();
        AddOperations(services, database);
        return services;
    }

    /// <summary>Runtime operations: the runtime, locks, triggers, PublishEvent delivery, timers and crash recovery.</summary>
    private static void AddOperations(IServiceCollection services, WorkflowsDatabaseOptions database)
    {
        services.AddSingleton<TriggerIndexer>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<IWorkflowRuntime>(sp => sp.GetRequiredService<WorkflowRuntime>());
        // Advisory locks span nodes on PostgreSQL; the other providers run one node here (SQLite: embedded), where a
        // semaphore per instance suffices and optimistic concurrency backs it up.
        services.TryAddSingleton<IInstanceLockProvider>(database.Provider == WorkflowsDatabaseProvider.PostgreSql
            ? new PostgresInstanceLockProvider(database)
            : new InProcessInstanceLockProvider());
        services.Replace(ServiceDescriptor.Singleton<IStimulusSender, RuntimeStimulusSender>());
        // DispatchWorkflow children become durable start markers saved with their parent's burst.
        services.Replace(ServiceDescriptor.Singleton<IWorkflowDispatcher, RuntimeWorkflowDispatcher>());
        services.TryAddSingleton(new TimerServiceOptions());
        services.TryAddSingleton<TimerService>();
        services.TryAddSingleton<InstanceRecoveryService>();
        services.TryAddSingleton(new BookmarkQueueOptions());
        services.TryAddSingleton<BookmarkQueue>();
        // Recovery first: hosted services start in registration order, and timers may resume recovered instances.
        services.AddHostedService(sp => sp.GetRequiredService<InstanceRecoveryService>());
        services.AddHostedService(sp => sp.GetRequiredService<TimerService>());
        services.AddHostedService(sp => sp.GetRequiredService<BookmarkQueue>());
    }
}

using LowCodeErp.HumanTasks.Api;
using LowCodeErp.HumanTasks.Engine;
using LowCodeErp.HumanTasks.Live;
using LowCodeErp.HumanTasks.Persistence;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Runtime.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LowCodeErp.HumanTasks;

/// <summary>Registers human tasks (call <c>AddWorkflowEngine</c> and <c>AddWorkflowRuntime</c> as well).</summary>
public static class HumanTasksServiceCollectionExtensions
{
    /// <summary>
    /// The activities, the task store in the workflows database (migrated at start-up), the burst participant that
    /// writes tasks with the instance and the inbox services. The host registers
    /// ServiceDefaults' permission policies (<c>AddServiceDefaults</c> or <c>AddPermissionPolicies</c>): <c>/api/tasks</c>
    /// and the web inbox require <c>tasks:work</c>.
    /// </summary>
    public static IServiceCollection AddHumanTasks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddActivitiesFrom<HumanTasksMarker>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TaskOutbox>();
        // Live inboxes: a host that shows tasks replaces this with its own notifier.
        services.TryAddSingleton<ITaskChangeNotifier, NoTaskChangeNotifier>();
        services.AddSingleton<HumanTasksDbContextFactory>();
        services.AddSingleton<IBurstParticipant, TaskBurstParticipant>();
        services.TryAddSingleton(new TaskInboxOptions());
        services.AddSingleton<TaskQueries>();
        services.AddSingleton<TaskCommands>();
        services.AddSingleton<IHostedService, HumanTasksMigrator>();
        return services;
    }
}

/// <summary>Marks this assembly for <c>AddActivitiesFrom</c>.</summary>
public sealed class HumanTasksMarker;

/// <summary>Applies the task store's migrations at start-up (the workflows schema is migrated before it).</summary>
internal sealed class HumanTasksMigrator(HumanTasksDbContextFactory contexts) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => contexts.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

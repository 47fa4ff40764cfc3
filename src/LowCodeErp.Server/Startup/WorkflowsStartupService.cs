using LowCodeErp.Workflows.Runtime.Import;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Server.Startup;

/// <summary>
/// Before the server listens: applies migrations (SQLite files under <c>./data</c> by default) and imports the
/// <c>workflows/</c> folder. An invalid file is logged as <c>file:json-path: message</c> and skipped; the server still starts.
/// </summary>
public sealed class WorkflowsStartupService(
    WorkflowsDbContextFactory database, WorkflowFolderImporter importer, IOptions<WorkflowsStartupOptions> options, ILogger<WorkflowsStartupService> logger)
    : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            await database.MigrateAsync(cancellationToken);
        }

        if (options.Value.ResolveFolder() is not { } folder || !Directory.Exists(folder))
        {
            logger.LogWarning("No workflows folder to import (set Workflows:Folder); starting with the database's definitions.");
            return;
        }

        var report = await importer.ImportAsync(folder, cancellationToken);
        foreach (var error in report.Errors)
        {
            logger.LogError("Workflow import: {Error}", error);
        }

        logger.LogInformation("Imported {Folder}: {Published} published, {Unchanged} unchanged, {Errors} invalid.",
            folder, report.Published.Count, report.Unchanged.Count, report.Errors.Count);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

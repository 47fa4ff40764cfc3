using LowCodeErp.Rules.Engine;
using LowCodeErp.Rules.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Rules.Import;

/// <summary>
/// Before the server listens: applies the rules migrations, imports <c>rules/</c> (an invalid file is logged as
/// <c>file:json-path: message (rule 'name')</c> and skipped; the server still starts) and warms every published rule set.
/// Registered before the workflow import, so flows that evaluate rules are validated against the imported rule sets.
/// </summary>
public sealed class RulesStartupService(
    RulesDatabase database, RuleFolderImporter importer, RuleSetCache cache, RulesOptions options,
    ILogger<RulesStartupService> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.MigrateOnStartup)
        {
            await database.MigrateAsync(cancellationToken);
        }

        if (options.ResolveFolder() is { } folder && Directory.Exists(folder))
        {
            var report = await importer.ImportAsync(folder, cancellationToken);
            foreach (var error in report.Errors)
            {
                logger.LogError("Rules import: {Error}", error);
            }

            logger.LogInformation("Imported {Folder}: {Published} rule sets published, {Unchanged} unchanged, {Errors} problems.",
                folder, report.Published.Count, report.Unchanged.Count, report.Errors.Count);
        }
        else
        {
            logger.LogInformation("No rules folder to import (set Rules:Folder); using the database's rule sets.");
        }

        await cache.WarmAllAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

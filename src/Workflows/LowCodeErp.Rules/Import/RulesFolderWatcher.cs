using LowCodeErp.Rules.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Rules.Import;

/// <summary>
/// In development (or with <c>Rules:WatchFolder=true</c>) re-imports <c>rules/</c> when a file changes: a changed
/// threshold is the published (and warmed) version a moment later, and the next decision uses it. Editors save in
/// bursts, hence the debounce; unchanged files cost a hash comparison.
/// </summary>
public sealed class RulesFolderWatcher(RuleFolderImporter importer, RulesOptions options, IHostEnvironment environment, ILogger<RulesFolderWatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    /// <summary>Completed imports (tests wait on it instead of sleeping).</summary>
    public int Imports { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!(options.WatchFolder ?? environment.IsDevelopment()) || options.ResolveFolder() is not { } folder || !Directory.Exists(folder))
        {
            return;
        }

        using var changes = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(folder, "*.json") { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        FileSystemEventHandler signal = (_, _) => changes.Release();
        watcher.Changed += signal;
        watcher.Created += signal;
        watcher.Renamed += (_, _) => changes.Release();
        watcher.Error += (_, e) => { logger.LogWarning(e.GetException(), "Watching {Folder} lost events; re-importing.", folder); changes.Release(); };
        watcher.EnableRaisingEvents = true;
        logger.LogInformation("Watching {Folder} for rule changes.", folder);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changes.WaitAsync(stoppingToken);
                while (await changes.WaitAsync(Debounce, stoppingToken))
                {
                }

                await ImportAsync(folder, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ImportAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            var report = await importer.ImportAsync(folder, cancellationToken);
            foreach (var error in report.Errors)
            {
                logger.LogError("Rules import: {Error}", error);
            }

            if (report.Published.Count > 0)
            {
                logger.LogInformation("Re-imported {Folder}: {Published}", folder, string.Join(", ", report.Published.Select(p => $"{p.Name} v{p.Version}")));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A watcher that dies would silently stop re-importing; log and keep watching.
            logger.LogError(exception, "Re-importing {Folder} failed.", folder);
        }
        finally
        {
            Imports++;
        }
    }
}

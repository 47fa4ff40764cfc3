using LowCodeErp.Workflows.Runtime.Import;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Server.Startup;

/// <summary>
/// In development (or with <c>Workflows:WatchFolder=true</c>) re-imports the <c>workflows/</c> folder when a <c>*.json</c>
/// in it or a subfolder changes, so an edit in the editor is the published version a moment later. Editors save in bursts (temp file,
/// rename, touch), hence the debounce; the importer skips unchanged files, so re-importing the whole folder is cheap.
/// An invalid file is logged as <c>file:json-path: message</c> and its last good version stays published.
/// </summary>
public sealed class WorkflowsFolderWatcher(
    WorkflowFolderImporter importer, IOptions<WorkflowsStartupOptions> options, IHostEnvironment environment, ILogger<WorkflowsFolderWatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!(options.Value.WatchFolder ?? environment.IsDevelopment()) || options.Value.ResolveFolder() is not { } folder || !Directory.Exists(folder))
        {
            return;
        }

        var changes = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(folder, "*.json")
        {
            IncludeSubdirectories = true, // the importer reads subfolders too
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler signal = (_, _) => changes.Release();
        watcher.Changed += signal;
        watcher.Created += signal;
        watcher.Renamed += (_, _) => changes.Release();
        watcher.Error += (_, e) => logger.LogWarning(e.GetException(), "Watching {Folder} lost events; re-importing.", folder);
        watcher.Error += (_, _) => changes.Release();
        watcher.EnableRaisingEvents = true;
        logger.LogInformation("Watching {Folder} for workflow changes.", folder);

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changes.WaitAsync(stoppingToken);
                // Wait until the folder has been quiet for the debounce window, then import once for the whole burst.
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
                logger.LogError("Workflow import: {Error}", error);
            }

            if (report.Published.Count > 0 || report.Errors.Count > 0)
            {
                logger.LogInformation("Re-imported {Folder}: {Published} published, {Unchanged} unchanged, {Errors} invalid.",
                    folder, report.Published.Count, report.Unchanged.Count, report.Errors.Count);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A watcher that dies would silently stop re-importing; log and keep watching instead.
            logger.LogError(exception, "Re-importing {Folder} failed.", folder);
        }
    }
}

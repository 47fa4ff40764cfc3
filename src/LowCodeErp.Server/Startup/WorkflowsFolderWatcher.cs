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
    private readonly SemaphoreSlim _changes = new(0);
    private FileSystemWatcher? _watcher;
    private string? _folder;

    /// <summary>
    /// Watches before the host finishes starting: <see cref="BackgroundService"/> runs <c>ExecuteAsync</c> on the thread pool
    /// (.NET 10), so a file saved right after start-up could otherwise change before anyone watches and never be imported.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!(options.Value.WatchFolder ?? environment.IsDevelopment()))
        {
            return base.StartAsync(cancellationToken);
        }

        if (options.Value.ResolveFolder() is not { } folder || !Directory.Exists(folder))
        {
            logger.LogWarning("Not watching workflows: no folder (set Workflows:Folder to an existing folder).");
            return base.StartAsync(cancellationToken);
        }

        try
        {
            _watcher = Watch(folder);
            _folder = folder;
            // The start-up import ran just before this: one more (cheap, unchanged files are skipped) covers what changed in between.
            _changes.Release();
            logger.LogInformation("Watching {Folder} for workflow changes.", folder);
        }
        catch (IOException exception)
        {
            // Typically the inotify watch limit: a development convenience must not keep the server from starting.
            logger.LogError(exception, "Cannot watch {Folder}; edits are imported at the next start.", folder);
        }

        return base.StartAsync(cancellationToken);
    }

    private FileSystemWatcher Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder, "*.json")
        {
            IncludeSubdirectories = true, // the importer reads subfolders too
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => _changes.Release();
        watcher.Created += (_, _) => _changes.Release();
        watcher.Renamed += (_, _) => _changes.Release();
        watcher.Error += (_, e) => logger.LogWarning(e.GetException(), "Watching {Folder} lost events; re-importing.", folder);
        watcher.Error += (_, _) => _changes.Release();
        try
        {
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _watcher?.Dispose();
        // _changes stays undisposed: a watcher callback already in flight may still release it, and a SemaphoreSlim
        // whose wait handle was never used holds nothing to free.
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_folder is not { } folder)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _changes.WaitAsync(stoppingToken);
                // Wait until the folder has been quiet for the debounce window, then import once for the whole burst.
                while (await _changes.WaitAsync(Debounce, stoppingToken))
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

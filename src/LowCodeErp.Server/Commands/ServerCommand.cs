using LowCodeErp.Server.Startup;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Import;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Server.Commands;

/// <summary>
/// What the server binary was asked to do: serve (no verb), or a maintenance verb that runs with the server's own
/// configuration (database, folders, plugins) and exits. Today's one verb writes the database's flows back into the
/// <c>workflows/</c> folder, so what analysts designed in Studio can be reviewed and committed.
/// </summary>
public sealed class ServerCommand
{
    private const string ExportVerb = "export-workflows";
    private static readonly string[] HostSwitches = ["urls", "environment", "contentRoot", "applicationName"];
    private const string Usage = """
        usage: LowCodeErp.Server export-workflows [--folder DIR] [--latest] [--force] [--Setting:Key=value ...]
          Writes each definition's published version into DIR (default: the folder the server imports, Workflows:Folder,
          else the nearest workflows/). A definition goes back to the file that holds it, a new one to {definitionId}.json;
          files whose content is unchanged are not touched. A file holding changes the database has not seen (edited
          since the last import, or invalid) is a conflict: left alone and reported (exit 1) unless --force.
          --latest  the latest versions instead, drafts included: the next import (start-up, or the watcher of a running
                    development server) publishes them.
          The database must be migrated (start the server once); the export never changes its schema.
        """;

    private ServerCommand(string? verb, string[] hostArguments)
    {
        Verb = verb;
        HostArguments = hostArguments;
    }

    /// <summary>The verb, or null to serve.</summary>
    public string? Verb { get; }

    /// <summary>The arguments left for the host's configuration (<c>--Key=value</c>, <c>--urls URL</c>, …).</summary>
    public string[] HostArguments { get; private set; }

    /// <summary>Where to export (<c>--folder</c>); null for the folder the server imports.</summary>
    public string? Folder { get; private set; }

    /// <summary>Export the latest versions, drafts included (<c>--latest</c>).</summary>
    public bool Latest { get; private set; }

    /// <summary>Overwrite files that hold changes the database has not seen (<c>--force</c>).</summary>
    public bool Force { get; private set; }

    private bool ShowUsage { get; set; }

    private string? Error { get; set; }

    /// <summary>Splits the verb and its options from the arguments the host reads as configuration.</summary>
    public static ServerCommand Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is not [ExportVerb, .. var rest])
        {
            // A verb anywhere else would otherwise start a full server against the database it meant to read.
            return args.Contains(ExportVerb)
                ? new ServerCommand(ExportVerb, []) { Error = $"{ExportVerb} must be the first argument" }
                : new ServerCommand(null, args);
        }

        var host = new List<string>();
        var parsed = new ServerCommand(ExportVerb, []);
        for (var i = 0; i < rest.Length; i++)
        {
            var (argument, next) = (rest[i], i + 1 < rest.Length && !rest[i + 1].StartsWith('-') ? rest[i + 1] : null);
            switch (argument)
            {
                case "--folder" when !string.IsNullOrWhiteSpace(next):
                    parsed.Folder = next;
                    i++;
                    break;
                case "--folder" or "--folder=":
                    parsed.Error ??= "--folder needs a directory";
                    break;
                case var _ when argument.StartsWith("--folder=", StringComparison.Ordinal) && argument.Length > "--folder=".Length:
                    parsed.Folder = argument["--folder=".Length..];
                    break;
                case "--latest":
                    parsed.Latest = true;
                    break;
                case "--force":
                    parsed.Force = true;
                    break;
                case "--help" or "-h":
                    parsed.ShowUsage = true;
                    break;
                case var _ when IsHostSetting(argument) && argument.Contains('=', StringComparison.Ordinal):
                    host.Add(argument); // a setting of the host: --ConnectionStrings:Workflows=…
                    break;
                case var _ when IsHostSetting(argument) && next is not null:
                    host.AddRange([argument, next]); // --contentRoot DIR, --environment Production
                    i++;
                    break;
                default:
                    // A typo such as --lastest must not silently export something else.
                    parsed.Error ??= $"unknown argument '{argument}'";
                    break;
            }
        }

        parsed.HostArguments = [.. host];
        return parsed;
    }

    /// <summary>
    /// A setting the host reads: a configuration key with a section (<c>--Workflows:Folder</c>) or one of the host's own
    /// switches. Anything else is a typo (<c>--foldr</c>, <c>--latest=true</c>) and must not be swallowed as configuration.
    /// </summary>
    private static bool IsHostSetting(string argument)
    {
        if (!argument.StartsWith("--", StringComparison.Ordinal))
        {
            return false;
        }

        var key = argument[2..].Split('=', 2)[0];
        return key.Contains(':', StringComparison.Ordinal) || HostSwitches.Contains(key, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Answers <c>--help</c> and argument errors before anything is built; null when the verb should run.</summary>
    public int? Reject(TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (Error is not null)
        {
            errors.WriteLine($"{Error}\n{Usage}");
            return 2;
        }

        if (ShowUsage)
        {
            output.WriteLine(Usage);
            return 0;
        }

        return null;
    }

    /// <summary>Runs the verb on the built (not started) application; returns the process exit code.</summary>
    public async Task<int> RunAsync(WebApplication app, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            return await ExportAsync(app.Services, output, errors);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A tool's failure is a message and an exit code, not a stack trace.
            await errors.WriteLineAsync($"{ExportVerb} failed: {exception.GetBaseException().Message}");
            return 1;
        }
    }

    private async Task<int> ExportAsync(IServiceProvider services, TextWriter output, TextWriter errors)
    {
        var options = services.GetRequiredService<IOptions<WorkflowsStartupOptions>>().Value;
        var folder = Folder is not null ? Path.GetFullPath(Folder) : options.ResolveFolder() ?? Path.GetFullPath("workflows");
        // Never migrate here: a newer binary would change the schema under running older replicas, and a wrong working
        // directory would create an empty SQLite database and "export" nothing.
        if (await services.GetRequiredService<WorkflowsDbContextFactory>().PendingMigrationsAsync() is { Count: > 0 } pending)
        {
            await errors.WriteLineAsync($"The workflows database lacks {pending.Count} migration(s) ({pending[^1]}): start the server once "
                + "or apply the migrations first (is ConnectionStrings:Workflows the server's database?).");
            return 1;
        }

        var version = Latest ? VersionOptions.Latest : VersionOptions.Published;
        var report = await services.GetRequiredService<WorkflowFolderExporter>().ExportAsync(folder, version, Force);
        foreach (var file in report.Written)
        {
            await output.WriteLineAsync($"wrote {file}");
        }

        foreach (var conflict in report.Conflicts)
        {
            await errors.WriteLineAsync($"not written: {conflict}");
        }

        await output.WriteLineAsync($"Exported the {version.Kind.ToLowerInvariant()} versions to {folder}: {report.Written.Count} written, "
            + $"{report.Unchanged.Count} unchanged, {report.Conflicts.Count} conflicts.");
        return report.Conflicts.Count > 0 ? 1 : 0;
    }
}

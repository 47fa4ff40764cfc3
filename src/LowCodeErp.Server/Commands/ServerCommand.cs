using LowCodeErp.Server.Startup;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Import;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Server.Commands;

/// <summary>
/// What the server binary was asked to do: serve (no verb), or a maintenance verb that runs with the server's own
/// configuration (database, folders, plugins) and exits. Today's one verb writes the database's flows back into the
/// <c>workflows/</c> folder, so what analysts designed in Studio can be reviewed and committed:
/// <c>dotnet run --project src/LowCodeErp.Server -- export-workflows [--folder DIR] [--latest]</c>.
/// </summary>
public sealed class ServerCommand
{
    private const string ExportVerb = "export-workflows";
    private const string Usage = """
        usage: LowCodeErp.Server export-workflows [--folder DIR] [--latest] [--Setting:Key=value ...]
          Writes each definition's published version (--latest: its latest version, drafts included) into DIR,
          default the folder the server imports (Workflows:Folder, else the nearest workflows/). A definition goes
          back to the file that holds it; files whose content is unchanged are not touched.
        """;

    private ServerCommand(string? verb, string[] hostArguments)
    {
        Verb = verb;
        HostArguments = hostArguments;
    }

    /// <summary>The verb, or null to serve.</summary>
    public string? Verb { get; }

    /// <summary>The arguments left for the host's configuration (<c>--Key=value</c>, <c>--urls</c>, …).</summary>
    public string[] HostArguments { get; }

    private string? Folder { get; init; }

    private bool Latest { get; init; }

    private string? Error { get; init; }

    /// <summary>Splits the verb and its options from the arguments the host reads as configuration.</summary>
    public static ServerCommand Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is not [ExportVerb, .. var rest])
        {
            return new ServerCommand(null, args);
        }

        var (folder, latest, error, host) = ((string?)null, false, (string?)null, new List<string>());
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--folder" when i + 1 < rest.Length && !rest[i + 1].StartsWith('-'):
                    folder = rest[++i];
                    break;
                case "--folder":
                    error = "--folder needs a directory";
                    break;
                case "--latest":
                    latest = true;
                    break;
                case "--help" or "-h":
                    error = "";
                    break;
                default:
                    host.Add(rest[i]);
                    break;
            }
        }

        return new ServerCommand(ExportVerb, [.. host]) { Folder = folder, Latest = latest, Error = error };
    }

    /// <summary>Runs the verb on the built (not started) application; returns the process exit code.</summary>
    public async Task<int> RunAsync(WebApplication app, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (Error is not null)
        {
            await (Error.Length == 0 ? output : errors).WriteLineAsync(Error.Length == 0 ? Usage : $"{Error}\n{Usage}");
            return Error.Length == 0 ? 0 : 2;
        }

        var options = app.Services.GetRequiredService<IOptions<WorkflowsStartupOptions>>().Value;
        var folder = Folder is not null ? Path.GetFullPath(Folder) : options.ResolveFolder() ?? Path.GetFullPath("workflows");
        if (options.MigrateOnStartup)
        {
            // As the server would at start-up: an empty or older database is brought to the current schema first.
            await app.Services.GetRequiredService<WorkflowsDbContextFactory>().MigrateAsync(CancellationToken.None);
        }

        var version = Latest ? VersionOptions.Latest : VersionOptions.Published;
        var report = await app.Services.GetRequiredService<WorkflowFolderExporter>().ExportAsync(folder, version, CancellationToken.None);
        foreach (var file in report.Written)
        {
            await output.WriteLineAsync($"wrote {file}");
        }

        await output.WriteLineAsync($"Exported the {version.Kind.ToLowerInvariant()} versions to {folder}: {report.Written.Count} written, {report.Unchanged.Count} unchanged.");
        return 0;
    }
}

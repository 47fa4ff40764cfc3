using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace LowCodeErp.Cli;

/// <summary>
/// The <c>erp</c> command line: builds the command tree, turns parse errors into exit code 2 (System.CommandLine would
/// return 1, which our contract reserves for invalid definitions) and runs the chosen command.
/// </summary>
public static class CliApplication
{
    /// <summary>Runs the CLI with the given arguments, writing to the given streams; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        // A plain Command named "erp" rather than RootCommand: RootCommand names itself after the executable, which is
        // "LowCodeErp.Cli" when run as `dotnet LowCodeErp.Cli.dll`, and help must say "erp" however it was started.
        var root = new Command("erp", "Validate and run Elsa 3 workflow definitions (JSON) with the LowCodeErp engine.")
        {
            new HelpOption(),
            new VersionOption(),
            ValidateCommand.Create(stdout, stderr),
            RunCommand.Create(stdout, stderr),
            RulesTestCommand.Create(stdout, stderr),
        };

        var parseResult = root.Parse(args);

        // Help and --version clear parse errors themselves; anything else with errors is a usage error.
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await stderr.WriteLineAsync($"erp: {error.Message}");
            }

            await stderr.WriteLineAsync($"Run '{HelpHint(parseResult)} --help' for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // We report unexpected exceptions ourselves so they get their own exit code instead of 1.
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C (System.CommandLine cancels the action's token) or the caller's token.
            await stderr.WriteLineAsync("erp: cancelled");
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // Last-resort handler of a CLI: any exception becomes a message and an exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"erp: internal error: {ex}");
            return ExitCodes.InternalError;
        }
    }

    private static string HelpHint(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        return command.Name == "erp" ? "erp" : $"erp {command.Name}";
    }
}

using System.CommandLine;

namespace LowCodeErp.Cli;

/// <summary><c>erp validate &lt;file-or-folder&gt;...</c>: loads all given definitions as one set and reports every error.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command; output goes to the given writers.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Definition files or folders (folders: every *.json inside, recursively, except *.expect.json and *.tests.json).",
            Arity = ArgumentArity.OneOrMore,
        };
        paths.Validators.Add(CliValidators.PathsExist);

        var command = new Command("validate", "Check workflow definitions; exit 1 and one line per error on stderr when any is invalid.")
        {
            paths,
        };
        command.SetAction((parseResult, _) => ExecuteAsync(parseResult.GetValue(paths)!, stdout, stderr));
        return command;
    }

    /// <summary>Validates the given paths; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync(IReadOnlyList<string> paths, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var files = DefinitionFiles.Expand(paths);
        var documents = new List<(string Source, string Json)>();
        var errors = new List<string>();
        foreach (var file in files)
        {
            if (DefinitionFiles.TryRead(file, out var readError) is { } json)
            {
                documents.Add((file, json));
            }
            else
            {
                errors.Add(readError!);
            }
        }

        await using var engine = new EngineHost();
        errors.AddRange(engine.Load(documents).SelectMany(loaded => loaded.FormatErrors()));
        foreach (var error in errors)
        {
            await stderr.WriteLineAsync(error);
        }

        if (errors.Count > 0)
        {
            return ExitCodes.InvalidDefinition;
        }

        await stdout.WriteLineAsync(files.Count == 1 ? "1 definition valid" : $"{files.Count} definitions valid");
        return ExitCodes.Success;
    }
}

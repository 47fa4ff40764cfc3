using System.CommandLine;
using LowCodeErp.Rules.Engine;
using LowCodeErp.Rules.Import;
using LowCodeErp.Rules.Testing;

namespace LowCodeErp.Cli;

/// <summary>
/// <c>erp rules test &lt;file-or-folder&gt;...</c>: runs the cases of every rule set's <c>&lt;name&gt;.tests.json</c>, prints a
/// diff per failing case and <c>N passed, N failed</c>; exit 1 when a case fails or a file is invalid. No server needed.
/// </summary>
public static class RulesTestCommand
{
    /// <summary>Builds <c>erp rules</c> with its <c>test</c> subcommand.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Rule set files (or their .tests.json) or folders (every rule set *.json directly inside).",
            Arity = ArgumentArity.OneOrMore,
        };
        paths.Validators.Add(CliValidators.PathsExist);
        var test = new Command("test", "Run rule set test cases; prints 'N passed, N failed' and a diff per failing case.") { paths };
        test.SetAction((parseResult, cancellationToken) => ExecuteAsync(parseResult.GetValue(paths)!, stdout, stderr, cancellationToken));
        return new Command("rules", "Business rule sets (Microsoft RulesEngine JSON).") { test };
    }

    /// <summary>Runs the tests of the given paths; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync(IReadOnlyList<string> paths, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        int passed = 0, failed = 0, invalid = 0;
        foreach (var file in Expand(paths))
        {
            var loaded = await RuleFiles.LoadAsync(file, cancellationToken);
            if (loaded.Errors.Count > 0)
            {
                invalid++;
                foreach (var error in loaded.Errors)
                {
                    await stderr.WriteLineAsync(error);
                }

                continue;
            }

            if (loaded.Suite is null)
            {
                await stdout.WriteLineAsync($"{loaded.FileName}: no {Path.GetFileName(RuleFiles.TestsFileOf(file))}");
                continue;
            }

            var report = await RuleTestRunner.RunAsync(new CompiledRuleSet(loaded.Workflow!.WorkflowName, 0, loaded.Workflow), loaded.Suite);
            passed += report.Passed;
            failed += report.Failed;
            foreach (var result in report.Cases.Where(c => !c.Passed))
            {
                await stdout.WriteLineAsync($"FAIL {loaded.FileName}: {result.Name}");
                foreach (var difference in result.Differences)
                {
                    await stdout.WriteLineAsync($"  {difference}");
                }
            }
        }

        await stdout.WriteLineAsync($"{passed} passed, {failed + invalid} failed");
        return failed + invalid > 0 ? ExitCodes.InvalidDefinition : ExitCodes.Success;
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in RuleFiles.Enumerate(path))
                {
                    yield return file;
                }
            }
            else if (path.EndsWith(RuleFolderImporter.TestsSuffix, StringComparison.OrdinalIgnoreCase))
            {
                yield return path[..^RuleFolderImporter.TestsSuffix.Length] + ".json";
            }
            else
            {
                yield return path;
            }
        }
    }
}

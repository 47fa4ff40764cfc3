using System.CommandLine;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Cli;

/// <summary>
/// <c>erp run &lt;file&gt;</c>: loads the file with its sibling definitions (its possible dependencies), runs it in
/// memory until it finishes or suspends and prints the outcome as one JSON object.
/// </summary>
public static class RunCommand
{
    /// <summary>Builds the command; output goes to the given writers.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "The workflow definition (JSON) to run." };
        file.Validators.Add(CliValidators.FileExists);
        var input = new Option<Dictionary<string, object?>?>("--input")
        {
            Description = "Workflow input as a JSON object, e.g. '{\"Name\":\"Ada\"}'.",
            HelpName = "json",
            CustomParser = WorkflowInput.Parse,
        };
        var mode = new Option<FlowchartExecutionMode>("--flowchart-mode")
        {
            Description = "Overrides the definition's flowchart mode (when not given: the definition's, else CounterBased).",
        };
        // When absent the value is Default ("not given"), which nobody should ask for: only the two real modes are accepted.
        mode.AcceptOnlyFromAmong(nameof(FlowchartExecutionMode.CounterBased), nameof(FlowchartExecutionMode.TokenBased));

        var command = new Command("run", "Run a workflow definition in memory until it finishes or suspends; print the result as JSON.")
        {
            file, input, mode,
        };
        command.SetAction((parseResult, cancellationToken) => ExecuteAsync(
            parseResult.GetValue(file)!, parseResult.GetValue(input), parseResult.GetValue(mode), stdout, stderr, cancellationToken));
        return command;
    }

    /// <summary>Runs the definition in <paramref name="file"/>; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync(string file, IDictionary<string, object?>? input, FlowchartExecutionMode mode,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (DefinitionFiles.TryRead(file, out var readError) is not { } json)
        {
            await stderr.WriteLineAsync(readError);
            return ExitCodes.InvalidDefinition;
        }

        // Siblings are loaded only so ExecuteWorkflow and workflow-as-activity references resolve; an unreadable or
        // invalid sibling is not this run's problem, so it is skipped silently.
        var documents = new List<(string Source, string Json)> { (file, json) };
        foreach (var sibling in DefinitionFiles.SiblingsOf(file))
        {
            if (DefinitionFiles.TryRead(sibling, out _) is { } siblingJson)
            {
                documents.Add((sibling, siblingJson));
            }
        }

        await using var engine = new EngineHost();
        var target = engine.Load(documents)[0];
        if (!target.IsValid)
        {
            foreach (var error in target.FormatErrors())
            {
                await stderr.WriteLineAsync(error);
            }

            return ExitCodes.InvalidDefinition;
        }

        // WriteLine goes to a buffer, never to stdout: stdout carries exactly one JSON object.
        using var output = new StringWriter();
        var workflow = await engine.RunAsync(target.Definition!, new RunOptions
        {
            Input = input,
            FlowchartMode = mode,
            StandardOutput = output,
        }, cancellationToken);

        await stdout.WriteLineAsync(RunReport.ToJson(workflow, output.ToString()));
        return ExitCodes.Success;
    }
}

using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Core.Tests.Infrastructure;

/// <summary>
/// An engine in memory for tests: load definitions (JSON text or files), run them, capture WriteLine output.
/// Each host is isolated (its own registry and store), like one folder of the conformance corpus.
/// </summary>
public sealed class WorkflowTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    public WorkflowTestHost(Action<WorkflowEngineOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddWorkflowEngine(configure);
        services?.Invoke(collection);
        _services = collection.BuildServiceProvider();
    }

    public IServiceProvider Services => _services;
    public WorkflowRunner Runner => _services.GetRequiredService<WorkflowRunner>();
    public DefinitionLoader Loader => _services.GetRequiredService<DefinitionLoader>();
    public StringWriter Output { get; } = new();

    /// <summary>Lines written by WriteLine so far.</summary>
    public IReadOnlyList<string> Lines =>
        Output.ToString().Split('\n', StringSplitOptions.None).Select(l => l.TrimEnd('\r')).SkipLast(1).ToList();

    /// <summary>Loads definitions and returns them; fails the test if one is invalid.</summary>
    public IReadOnlyList<WorkflowDefinition> Load(params (string Source, string Json)[] documents)
    {
        var loaded = Loader.Load(documents);
        var errors = loaded.SelectMany(l => l.FormatErrors()).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid definitions:\n" + string.Join('\n', errors));
        }

        return [.. loaded.Select(l => l.Definition!)];
    }

    /// <summary>Loads one definition file from the test output folder.</summary>
    public WorkflowDefinition LoadFile(string relativePath) =>
        Load((relativePath, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath))))[0];

    /// <summary>Loads and runs JSON.</summary>
    public Task<WorkflowExecutionContext> RunJsonAsync(string json, RunOptions? options = null) =>
        RunAsync(Load(("inline.json", json))[0], options);

    /// <summary>Runs a loaded definition with output captured.</summary>
    public Task<WorkflowExecutionContext> RunAsync(WorkflowDefinition definition, RunOptions? options = null)
    {
        options ??= new RunOptions();
        return Runner.RunAsync(definition, new RunOptions
        {
            InstanceId = options.InstanceId,
            CorrelationId = options.CorrelationId,
            Input = options.Input,
            Properties = options.Properties,
            TriggerActivityId = options.TriggerActivityId,
            FlowchartMode = options.FlowchartMode,
            StandardOutput = Output,
        }, TestContext.Current.CancellationToken);
    }

    /// <summary>Resumes every open bookmark until none is left or the instance finished (Elsa's RunWorkflowUntilEndAsync).</summary>
    public async Task ResumeAllAsync(WorkflowExecutionContext workflow, IReadOnlyDictionary<string, object?>? input = null, int maxRounds = 100)
    {
        for (var round = 0; round < maxRounds && workflow.Status != WorkflowStatus.Finished && workflow.Bookmarks.Count > 0; round++)
        {
            foreach (var bookmark in workflow.Bookmarks.ToList())
            {
                if (workflow.Bookmarks.Contains(bookmark) && workflow.Status != WorkflowStatus.Finished)
                {
                    await Runner.ResumeAsync(workflow, bookmark.Id, input, TestContext.Current.CancellationToken);
                }
            }
        }
    }

    public void Dispose()
    {
        _services.Dispose();
        Output.Dispose();
    }
}

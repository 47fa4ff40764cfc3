using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Cli;

/// <summary>
/// One engine per CLI invocation: its own activity registry and definition store, so the files loaded by one command
/// (and the workflow-as-activity types they register) never leak into another — which matters when tests run many
/// invocations in one process.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <summary>Builds the engine with its defaults.</summary>
    public EngineHost(Action<WorkflowEngineOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddWorkflowEngine(configure);
        _services = services.BuildServiceProvider();
    }

    /// <summary>Loads definition documents together (so references between them resolve).</summary>
    public IReadOnlyList<LoadedDefinition> Load(IEnumerable<(string Source, string Json)> documents) =>
        _services.GetRequiredService<DefinitionLoader>().Load(documents);

    /// <summary>Runs a definition until it finishes or suspends.</summary>
    public Task<WorkflowExecutionContext> RunAsync(WorkflowDefinition definition, RunOptions options, CancellationToken cancellationToken) =>
        _services.GetRequiredService<WorkflowRunner>().RunAsync(definition, options, cancellationToken);

    /// <inheritdoc />
    // Async disposal: a service that is only IAsyncDisposable would make a synchronous Dispose throw.
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

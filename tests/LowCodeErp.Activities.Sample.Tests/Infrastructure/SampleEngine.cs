using LowCodeErp.Activities.Sample;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Activities.Sample.Tests.Infrastructure;

/// <summary>The real engine in memory with the sample plugin registered, running the definitions under <c>Workflows/</c>.</summary>
public sealed class SampleEngine : IDisposable
{
    private readonly ServiceProvider _services;

    public SampleEngine()
    {
        var services = new ServiceCollection();
        services.AddWorkflowEngine();
        services.AddActivitiesFrom<AddBusinessDays>();
        _services = services.BuildServiceProvider();
    }

    public StringWriter Output { get; } = new();

    /// <summary>Loads <c>Workflows/{file}</c> (after <paramref name="edit"/>), failing on any validation error.</summary>
    public WorkflowDefinition Load(string file, Func<string, string>? edit = null)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", file));
        var loaded = _services.GetRequiredService<DefinitionLoader>().Load([(file, edit is null ? json : edit(json))]).Single();
        var errors = loaded.FormatErrors().ToList();
        return errors.Count == 0 ? loaded.Definition! : throw new InvalidOperationException(string.Join('\n', errors));
    }

    /// <summary>Runs a definition with workflow input, capturing WriteLine output.</summary>
    public Task<WorkflowExecutionContext> RunAsync(WorkflowDefinition definition, IDictionary<string, object?> input) =>
        _services.GetRequiredService<WorkflowRunner>().RunAsync(
            definition, new RunOptions { Input = input, StandardOutput = Output }, TestContext.Current.CancellationToken);

    public void Dispose()
    {
        _services.Dispose();
        Output.Dispose();
    }
}

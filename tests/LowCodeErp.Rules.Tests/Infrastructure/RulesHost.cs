using LowCodeErp.Rules.Engine;
using LowCodeErp.Rules.Import;
using LowCodeErp.Rules.Persistence;
using LowCodeErp.Rules.Stores;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Rules.Tests.Infrastructure;

/// <summary>The real rules services and workflow engine on a temporary SQLite database (no web host).</summary>
internal sealed class RulesHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private RulesHost(string folder, ServiceProvider services)
    {
        Folder = folder;
        _services = services;
    }

    public string Folder { get; }

    public RuleSetStore Store => Get<RuleSetStore>();
    public RuleSetCache Cache => Get<RuleSetCache>();
    public RuleEvaluator Evaluator => Get<RuleEvaluator>();
    public EvaluationRecorder Recorder => Get<EvaluationRecorder>();
    public RuleFolderImporter Importer => Get<RuleFolderImporter>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<RulesHost> StartAsync(string? existingFolder = null, RulesOptions? options = null, TimeProvider? clock = null,
        Action<IServiceCollection>? configure = null)
    {
        var folder = existingFolder ?? Paths.NewTempFolder("erp-rules");
        var services = new ServiceCollection();
        services.AddLogging();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddWorkflowEngine();
        services.AddRules(new WorkflowsDatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "rules.db")}" },
            options ?? new RulesOptions { RetainEvaluations = 50, MaxRecordsPerSecond = 1000 });
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<RulesDatabase>().MigrateAsync(TestContext.Current.CancellationToken);
        return new RulesHost(folder, provider);
    }

    /// <summary>Imports the repository's rule sets and loads the cache, as the server's start-up does.</summary>
    public async Task ImportRepositoryRulesAsync()
    {
        var report = await Importer.ImportAsync(Paths.RulesFolder, TestContext.Current.CancellationToken);
        if (report.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, report.Errors));
        }

        await Cache.WarmAllAsync(TestContext.Current.CancellationToken);
    }

    public IReadOnlyList<LoadedDefinition> LoadWorkflow(string json) =>
        Get<DefinitionLoader>().Load([("flow.json", json)]);

    public Task<WorkflowExecutionContext> RunAsync(WorkflowDefinition definition, IDictionary<string, object?> input) =>
        Get<WorkflowRunner>().RunAsync(definition, new RunOptions { Input = input }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Paths.TryDelete(Folder);
    }
}

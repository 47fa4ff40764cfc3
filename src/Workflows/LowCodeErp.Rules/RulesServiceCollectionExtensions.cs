using LowCodeErp.Rules.Activities;
using LowCodeErp.Rules.Engine;
using LowCodeErp.Rules.Import;
using LowCodeErp.Rules.Persistence;
using LowCodeErp.Rules.Stores;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Validation;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCodeErp.Rules;

/// <summary>Registers business rules: store, cache, evaluator, recorder, the Erp.EvaluateRules activity and its validation.</summary>
public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Adds rules with <c>Rules:*</c> options and the database of <c>ConnectionStrings:Rules</c>, or the runtime's
    /// (<c>Workflows:Database:Provider</c> / <c>ConnectionStrings:Workflows</c>) when it is not set.
    /// </summary>
    public static IServiceCollection AddRules(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = WorkflowsDatabaseOptions.FromConfiguration(configuration);
        if (configuration.GetConnectionString("Rules") is { Length: > 0 } own)
        {
            database = new WorkflowsDatabaseOptions { Provider = database.Provider, ConnectionString = own };
        }

        var options = configuration.GetSection(RulesOptions.Section).Get<RulesOptions>() ?? new RulesOptions();
        return services.AddRules(database, options);
    }

    /// <summary>Adds rules with explicit settings (tests, tools).</summary>
    public static IServiceCollection AddRules(this IServiceCollection services, WorkflowsDatabaseOptions database, RulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(new RulesDatabase(database));
        services.AddSingleton<RuleSetStore>();
        services.AddSingleton<RuleWarmer>();
        services.AddSingleton<RuleSetCache>();
        // Lazy breaks the cycle store → notifier → cache → store. A bus implementation replaces this registration.
        services.TryAddSingleton<IRuleSetPublishedNotifier>(sp => new InProcessRuleSetPublishedNotifier(new Lazy<RuleSetCache>(sp.GetRequiredService<RuleSetCache>)));
        services.AddSingleton<EvaluationRecorder>();
        services.AddSingleton<RuleEvaluator>();
        services.AddSingleton<ImpactPreview>();
        // The web UI's editing; its permission checks need the host's permission policies (AddServiceDefaults).
        services.AddSingleton<Editing.RuleSetEditor>();
        services.AddSingleton<RuleFolderImporter>();
        services.AddSingleton<RulesFolderWatcher>();
        services.AddActivity<EvaluateRules>();
        services.AddSingleton<IActivityDefinitionCheck, EvaluateRulesCheck>();
        // Start-up (migrate, import, warm) before the recorder and watcher; the host must register it before the
        // workflow import so flows are validated against the imported rule sets.
        services.AddHostedService<RulesStartupService>();
        services.AddHostedService(sp => sp.GetRequiredService<EvaluationRecorder>());
        services.AddHostedService(sp => sp.GetRequiredService<RulesFolderWatcher>());
        return services;
    }
}

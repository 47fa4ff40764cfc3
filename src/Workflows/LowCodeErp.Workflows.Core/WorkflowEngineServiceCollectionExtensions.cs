using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Activities.Composition;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Expressions;
using LowCodeErp.Workflows.Core.Flowcharts;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Plugins;
using LowCodeErp.Workflows.Core.Registry;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCodeErp.Workflows.Core;

/// <summary>Registers the workflow engine.</summary>
public static class WorkflowEngineServiceCollectionExtensions
{
    /// <summary>Adds the engine: built-in activities, expressions, serializer, validator, runner and an in-memory definition store.</summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, Action<WorkflowEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WorkflowEngineOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddActivitiesFrom<Flowchart>();
        // Empty until AddActivityPlugins loads a folder; the plugins API and the start-up log read it.
        services.GetActivityPluginCatalog();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ActivityRegistry>();
        services.TryAddSingleton<WorkflowSerializer>();
        services.TryAddSingleton<WorkflowValidator>();
        services.TryAddSingleton<ExpressionEngine>();
        services.TryAddSingleton<WorkflowRunner>();
        services.TryAddSingleton<WorkflowStateMapper>();
        services.TryAddSingleton<InMemoryWorkflowDefinitionStore>();
        services.TryAddSingleton<IWorkflowDefinitionProvider>(sp => sp.GetRequiredService<InMemoryWorkflowDefinitionStore>());
        services.TryAddSingleton<IWorkflowDispatcher, InlineWorkflowDispatcher>();
        services.TryAddSingleton<DefinitionLoader>();
        services.AddSingleton<IExpressionEvaluator, LiteralEvaluator>();
        services.AddSingleton<IExpressionEvaluator, ObjectEvaluator>();
        services.AddSingleton<IExpressionEvaluator>(new ObjectEvaluator(ExpressionTypes.Json));
        services.AddSingleton<IExpressionEvaluator, VariableEvaluator>();
        services.AddSingleton<IExpressionEvaluator, InputEvaluator>();
        services.AddOptions<Expressions.JavaScript.JavaScriptOptions>();
        services.AddSingleton<IExpressionEvaluator, Expressions.JavaScript.JavaScriptEvaluator>();
        services.AddOptions<Expressions.Liquid.LiquidOptions>();
        services.AddSingleton<IExpressionEvaluator, Expressions.Liquid.LiquidEvaluator>();
        return services;
    }
}

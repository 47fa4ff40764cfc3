using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Expressions;
using LowCodeErp.Workflows.Core.Model;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Core.Activities.Composition;

/// <summary>
/// A published definition with <c>usableAsActivity</c> used as an activity: its type name is the definition's name in
/// PascalCase, its inputs/outputs/outcomes are the definition's. It runs inside the parent instance with its own
/// variables, inputs and outputs; Elsa.Complete inside it completes only this activity.
/// </summary>
public sealed class WorkflowDefinitionActivity : Activity, IVariableContainer
{
    private const string OutcomesProperty = "CompletedOutcomes";

    /// <summary>The child's definition id.</summary>
    public string WorkflowDefinitionId { get; set; } = "";
    /// <summary>The child's version id.</summary>
    public string? WorkflowDefinitionVersionId { get; set; }
    /// <summary>Newest published version number when the parent was saved.</summary>
    public int? LatestAvailablePublishedVersion { get; set; }
    /// <summary>Newest published version id when the parent was saved.</summary>
    public string? LatestAvailablePublishedVersionId { get; set; }
    /// <summary>Inputs by the child's input names.</summary>
    public Dictionary<string, Input> Inputs { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Output bindings by the child's output names.</summary>
    public Dictionary<string, Output> Outputs { get; } = new(StringComparer.OrdinalIgnoreCase);

    IReadOnlyList<VariableDefinition> IVariableContainer.Variables => [];

    /// <inheritdoc />
    public override IEnumerable<Activity> GetChildren() => [];

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var own = (ActivityExecutionContext)context;
        var definition = await ResolveAsync(context);
        var graph = WorkflowGraph.For(definition, context.Services.GetRequiredService<ExpressionEngine>());
        own.CompositeGraph = graph;
        if (definition.Variables.Count > 0)
        {
            own.Variables = new VariableScope(definition.Variables);
        }

        var inputs = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in definition.Inputs)
        {
            inputs[argument.Name] = Inputs.TryGetValue(argument.Name, out var input)
                ? ValueConversion.Convert(await own.EvaluateInputAsync(input), argument.GetClrType())
                : null;
        }

        own.InputScope = inputs;
        own.OutputScope = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (definition.Root is null)
        {
            await CompleteWithOutputsAsync(own, definition, Outcomes.Default);
            return;
        }

        context.Properties["DefinitionVersionId"] = definition.Id;
        await context.ScheduleAsync(definition.Root);
    }

    /// <inheritdoc />
    public override async ValueTask OnChildCompletedAsync(IActivityExecutionContext context, ChildCompletion completion)
    {
        var own = (ActivityExecutionContext)context;
        await CompleteWithOutputsAsync(own, await ResolveAsync(context), Outcomes.Default);
    }

    /// <inheritdoc />
    public override async ValueTask<bool> OnSignalAsync(IActivityExecutionContext context, object signal, IActivityExecutionContext sender)
    {
        if (signal is not CompleteCompositeSignal complete)
        {
            return false;
        }

        context.Properties[OutcomesProperty] = complete.Outcomes.ToList();
        await CompleteWithOutputsAsync((ActivityExecutionContext)context, await ResolveAsync(context), complete.Outcomes);
        return true;
    }

    private async ValueTask CompleteWithOutputsAsync(ActivityExecutionContext context, WorkflowDefinition definition, IReadOnlyList<string> outcomes)
    {
        var produced = context.OutputScope ?? new Dictionary<string, object?>();
        foreach (var argument in definition.Outputs)
        {
            var value = produced.TryGetValue(argument.Name, out var v) ? v : null;
            context.SetOutput(argument.Name, value, Outputs.TryGetValue(argument.Name, out var binding) ? binding.MemoryReferenceId : null);
        }

        await context.CompleteWithOutcomesAsync(outcomes);
    }

    private async ValueTask<WorkflowDefinition> ResolveAsync(IActivityExecutionContext context)
    {
        var provider = context.Services.GetRequiredService<IWorkflowDefinitionProvider>();
        if (WorkflowDefinitionVersionId is { Length: > 0 } versionId &&
            await provider.FindByVersionIdAsync(versionId, context.CancellationToken) is { } byVersion)
        {
            return byVersion;
        }

        return await provider.FindAsync(WorkflowDefinitionId, VersionOptions.LatestOrPublished, context.CancellationToken)
               ?? throw new InvalidOperationException($"Workflow definition '{WorkflowDefinitionId}' used as activity '{Type}' was not found.");
    }
}

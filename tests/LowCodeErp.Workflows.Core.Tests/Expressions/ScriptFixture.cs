using FluentAssertions;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Activities.Containers;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Expressions.JavaScript;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Workflows.Core.Tests.Expressions;

/// <summary>Runs a tiny workflow (variables, inputs, activities before a probe) and hands out the probe's live context.</summary>
internal static class ScriptFixture
{
    public static VariableDefinition Variable(string name, string typeName = "Object", string? value = null) =>
        new() { Id = $"{name}-id", Name = name, TypeName = typeName, Value = value };

    public static async Task<ActivityExecutionContext> CaptureAsync(
        IEnumerable<VariableDefinition>? variables = null,
        IDictionary<string, object?>? input = null,
        IEnumerable<ArgumentDefinition>? inputs = null,
        IEnumerable<Activity>? before = null,
        IEnumerable<VariableDefinition>? sequenceVariables = null,
        string? correlationId = null)
    {
        var probe = new ProbeActivity { Id = "Probe1", Name = "Probe" };
        var definition = new WorkflowDefinition
        {
            Id = "def-v1",
            DefinitionId = "def",
            Name = "Scripting",
            Variables = [.. variables ?? []],
            Inputs = [.. inputs ?? []],
            Root = new Sequence { Id = "Sequence1", Variables = [.. sequenceVariables ?? []], Activities = [.. before ?? [], probe] },
        };

        using var host = new WorkflowTestHost();
        var workflow = await host.RunAsync(definition, new RunOptions { Input = input, CorrelationId = correlationId });
        workflow.Incidents.Should().BeEmpty();
        return probe.Captured ?? throw new InvalidOperationException("The probe did not run.");
    }
}

/// <summary>Evaluates a script with a fresh JavaScript evaluator, as an activity input would.</summary>
internal static class JavaScriptTestEvaluator
{
    public static object? Evaluate(ActivityExecutionContext context, string script, JavaScriptOptions? options = null) =>
        new JavaScriptEvaluator(Options.Create(options ?? new JavaScriptOptions())).Evaluate(script, context);
}

/// <summary>Remembers the context it ran in.</summary>
internal sealed class ProbeActivity : CodeActivity
{
    public ActivityExecutionContext? Captured { get; private set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        Captured = (ActivityExecutionContext)context;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Produces two outputs.</summary>
internal sealed class EmitOutputs : CodeActivity
{
    public object? ResultValue { get; init; }
    public object? TotalValue { get; init; }

    [Output]
    public Output<object> Result { get; set; } = new();

    [Output]
    public Output<object> Total { get; set; } = new();

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        context.Set(Result, ResultValue);
        if (TotalValue is not null)
        {
            context.Set(Total, TotalValue);
        }

        return ValueTask.CompletedTask;
    }
}

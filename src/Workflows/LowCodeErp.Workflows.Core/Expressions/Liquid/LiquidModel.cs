using Fluid;
using Fluid.Values;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Core.Expressions.Liquid;

/// <summary>
/// The names a template sees, resolved on demand: <c>Variables</c>, <c>Input</c>, <c>Workflow</c> and Elsa's top-level
/// <c>CorrelationId</c>, <c>WorkflowInstanceId</c>, <c>WorkflowDefinitionId</c>, <c>WorkflowDefinitionVersionId</c>,
/// <c>WorkflowDefinitionVersion</c>.
/// </summary>
internal sealed class LiquidRoot(ActivityExecutionContext context, TemplateOptions options) : IFluidIndexable
{
    private static readonly string[] Names =
    [
        "Variables", "Input", "Workflow", "CorrelationId", "WorkflowInstanceId", "WorkflowDefinitionId",
        "WorkflowDefinitionVersionId", "WorkflowDefinitionVersion",
    ];

    public int Count => Names.Length;

    public IEnumerable<string> Keys => Names;

    public bool TryGetValue(string name, out FluidValue value)
    {
        var workflow = context.WorkflowContext;
        value = name switch
        {
            "Variables" => new DictionaryValue(new LiquidVariables(context, options)),
            "Input" => new DictionaryValue(new LiquidMap(context.FindInputScope(), options)),
            "Workflow" => new DictionaryValue(new LiquidWorkflow(workflow)),
            "CorrelationId" => LiquidWorkflow.Text(workflow.CorrelationId),
            "WorkflowInstanceId" => LiquidWorkflow.Text(workflow.InstanceId),
            "WorkflowDefinitionId" => LiquidWorkflow.Text(workflow.DefinitionId),
            "WorkflowDefinitionVersionId" => LiquidWorkflow.Text(workflow.DefinitionVersionId),
            "WorkflowDefinitionVersion" => NumberValue.Create(workflow.DefinitionVersion),
            _ => NilValue.Instance,
        };
        return value is not NilValue;
    }

    /// <summary>A CLR value as Fluid sees it; JSON values are unwrapped into dictionaries and lists first.</summary>
    public static FluidValue Create(object? value, TemplateOptions options) =>
        value is null ? NilValue.Instance : FluidValue.Create(ValueConversion.Unwrap(value), options);
}

/// <summary>Visible variables by name (nearest scope first), read when the template asks.</summary>
internal sealed class LiquidVariables(ActivityExecutionContext context, TemplateOptions options) : IFluidIndexable
{
    public int Count => Keys.Count();

    public IEnumerable<string> Keys => context.VisibleVariables().Select(v => v.Definition.Name);

    public bool TryGetValue(string name, out FluidValue value)
    {
        foreach (var (definition, current) in context.VisibleVariables())
        {
            if (string.Equals(definition.Name, name, StringComparison.Ordinal))
            {
                value = LiquidRoot.Create(current, options);
                return true;
            }
        }

        foreach (var (definition, current) in context.VisibleVariables())
        {
            if (string.Equals(definition.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = LiquidRoot.Create(current, options);
                return true;
            }
        }

        value = NilValue.Instance;
        return false;
    }
}

/// <summary>A dictionary (the input scope) with case-insensitive lookup as a fallback.</summary>
internal sealed class LiquidMap(IDictionary<string, object?> map, TemplateOptions options) : IFluidIndexable
{
    public int Count => map.Count;

    public IEnumerable<string> Keys => map.Keys;

    public bool TryGetValue(string name, out FluidValue value)
    {
        if (map.TryGetValue(name, out var found))
        {
            value = LiquidRoot.Create(found, options);
            return true;
        }

        foreach (var (key, item) in map)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = LiquidRoot.Create(item, options);
                return true;
            }
        }

        value = NilValue.Instance;
        return false;
    }
}

/// <summary><c>Workflow.InstanceId</c>, <c>.CorrelationId</c>, <c>.DefinitionId</c>, <c>.DefinitionVersionId</c>, <c>.Version</c>, <c>.Name</c>.</summary>
internal sealed class LiquidWorkflow(WorkflowExecutionContext workflow) : IFluidIndexable
{
    private static readonly string[] Names = ["InstanceId", "CorrelationId", "DefinitionId", "DefinitionVersionId", "Version", "Name"];

    public int Count => Names.Length;

    public IEnumerable<string> Keys => Names;

    public bool TryGetValue(string name, out FluidValue value)
    {
        value = name.ToUpperInvariant() switch
        {
            "INSTANCEID" or "ID" => Text(workflow.InstanceId),
            "CORRELATIONID" => Text(workflow.CorrelationId),
            "DEFINITIONID" => Text(workflow.DefinitionId),
            "DEFINITIONVERSIONID" => Text(workflow.DefinitionVersionId),
            "VERSION" or "DEFINITIONVERSION" => NumberValue.Create(workflow.DefinitionVersion),
            "NAME" => Text(workflow.Name),
            _ => NilValue.Instance,
        };
        return value is not NilValue;
    }

    public static FluidValue Text(string? text) => text is null ? NilValue.Instance : StringValue.Create(text);
}

using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>Variables, input and output scopes, and the definition graph visible from this execution.</summary>
public sealed partial class ActivityExecutionContext
{
    /// <inheritdoc />
    public object? GetVariable(string idOrName) => TryGetVariable(idOrName, out var value) ? value : null;

    /// <summary>Reads a visible variable by id or name.</summary>
    public bool TryGetVariable(string idOrName, out object? value)
    {
        for (var context = this; context is not null; context = context.ParentContext)
        {
            if (context.Variables is { } scope && scope.TryGet(idOrName, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public void SetVariable(string idOrName, object? value)
    {
        if (!TrySetVariable(idOrName, value))
        {
            throw new InvalidOperationException($"Variable '{idOrName}' is not declared in scope of activity '{Activity.Id}'.");
        }
    }

    /// <summary>Writes a visible variable by id or name; false when none is visible.</summary>
    public bool TrySetVariable(string idOrName, object? value)
    {
        for (var context = this; context is not null; context = context.ParentContext)
        {
            if (context.Variables is { } scope && scope.TrySet(idOrName, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every variable visible from here, nearest scope first.</summary>
    public IEnumerable<(VariableDefinition Definition, object? Value)> VisibleVariables()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var context = this; context is not null; context = context.ParentContext)
        {
            if (context.Variables is not { } scope)
            {
                continue;
            }

            foreach (var (definition, value) in scope.Entries())
            {
                if (seen.Add(definition.Name))
                {
                    yield return (definition, value);
                }
            }
        }
    }

    /// <summary>The nearest workflow input scope.</summary>
    public IDictionary<string, object?> FindInputScope()
    {
        for (var context = this; context is not null; context = context.ParentContext)
        {
            if (context.InputScope is { } scope)
            {
                return scope;
            }
        }

        return WorkflowContext.Input;
    }

    /// <summary>The nearest output scope.</summary>
    public IDictionary<string, object?>? FindOutputScope()
    {
        for (var context = this; context is not null; context = context.ParentContext)
        {
            if (context.OutputScope is { } scope)
            {
                return scope;
            }
        }

        return WorkflowContext.Output;
    }

    /// <summary>The graph children of this execution belong to: its own when it runs a workflow used as an activity.</summary>
    internal WorkflowGraph CompositeGraphOrEnclosing() => CompositeGraph ?? EnclosingGraph();

    /// <summary>The definition graph this activity belongs to (a workflow used as an activity has its own).</summary>
    public WorkflowGraph EnclosingGraph()
    {
        for (var context = ParentContext; context is not null; context = context.ParentContext)
        {
            if (context.CompositeGraph is { } graph)
            {
                return graph;
            }
        }

        return WorkflowContext.Graph;
    }

    internal Dictionary<string, object?> VariableValuesByName()
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (definition, value) in Variables?.Entries() ?? [])
        {
            // Lookups by name take the first declaration, so the view does too.
            values.TryAdd(definition.Name, value);
        }

        return values;
    }
}

using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Abstractions.Descriptors;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>Outputs this execution writes, outputs of other activities it reads, and outcomes requested by script.</summary>
public sealed partial class ActivityExecutionContext
{
    /// <inheritdoc />
    public void Set<T>(Output<T>? output, T? value)
    {
        if (output is null)
        {
            return;
        }

        var name = ActivityTypeInfo.Of(Activity.GetType()).FindOutput(Activity, output)?.Name ?? "Result";
        SetOutput(name, value, output.MemoryReferenceId);
    }

    /// <summary>Records an output value by name and writes it where the definition bound it.</summary>
    public void SetOutput(string name, object? value, string? memoryReferenceId)
    {
        ArgumentNullException.ThrowIfNull(name);
        (OutputValues ??= new(StringComparer.OrdinalIgnoreCase))[name] = value;
        if (!WorkflowContext.LastOutputs.TryGetValue(Activity.Id, out var outputs))
        {
            outputs = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            WorkflowContext.LastOutputs[Activity.Id] = outputs;
        }

        outputs[name] = value;
        WorkflowContext.LastResult = value;
        if (memoryReferenceId is null)
        {
            return;
        }

        // A memory reference names a variable (by id, as Studio writes it) or, failing that, a workflow output.
        if (!TrySetVariable(memoryReferenceId, value))
        {
            var scope = FindOutputScope();
            if (scope is not null)
            {
                scope[memoryReferenceId] = value;
            }
        }
    }

    /// <summary>The latest output values of an activity (by id or name) in the enclosing definition.</summary>
    public IReadOnlyDictionary<string, object?>? GetActivityOutputs(string activityIdOrName)
    {
        var graph = EnclosingGraph();
        var id = graph.ActivitiesById.ContainsKey(activityIdOrName) ? activityIdOrName
            : graph.ActivitiesByName.TryGetValue(activityIdOrName, out var named) ? named.Id
            : activityIdOrName;
        return WorkflowContext.LastOutputs.GetValueOrDefault(id);
    }

    /// <summary>The value the last activity produced as an output (JavaScript's <c>getLastResult()</c>).</summary>
    public object? LastResult => WorkflowContext.LastResult;

    /// <summary>Asks the activity to complete with these outcomes (JavaScript's <c>setOutcome</c>/<c>setOutcomes</c>).</summary>
    public void RequestOutcomes(IEnumerable<string> outcomes) => RequestedOutcomes = [.. outcomes];
}

using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>Export to and import from <see cref="ActivityExecutionState"/>.</summary>
public sealed partial class ActivityExecutionContext
{
    internal ActivityExecutionState ToState() => new()
    {
        Id = Id,
        ParentId = ParentContext?.Id,
        ActivityNodeId = Activity.NodeId ?? Activity.Id,
        ActivityId = Activity.Id,
        ActivityType = Activity.Type,
        Status = Status,
        Tag = Tag,
        ScheduleInput = ScheduleInput.ToDictionary(),
        Properties = _properties is null ? [] : new Dictionary<string, object?>(_properties),
        Variables = Variables?.Export(),
        InputScope = InputScope is null || ReferenceEquals(InputScope, WorkflowContext.Input) ? null : new Dictionary<string, object?>(InputScope),
        OutputScope = OutputScope is null || ReferenceEquals(OutputScope, WorkflowContext.Output) ? null : new Dictionary<string, object?>(OutputScope),
        CompositeDefinitionVersionId = CompositeGraph?.Definition.Id,
        RequestedOutcomes = RequestedOutcomes,
        BookmarkIds = _bookmarks?.Select(b => b.Id).ToList() ?? [],
        StartedAt = StartedAt,
        FaultCount = FaultCount,
    };

    internal void RestoreFrom(ActivityExecutionState state, WorkflowGraph? compositeGraph, IEnumerable<Bookmark> bookmarks)
    {
        Status = state.Status;
        FaultCount = state.FaultCount;
        RequestedOutcomes = state.RequestedOutcomes;
        CompositeGraph = compositeGraph;
        if (state.Properties.Count > 0)
        {
            _properties = new Dictionary<string, object?>(state.Properties);
        }

        if (compositeGraph is not null && compositeGraph.Definition.Variables.Count > 0)
        {
            Variables = new VariableScope(compositeGraph.Definition.Variables);
        }

        if (state.Variables is not null)
        {
            Variables?.Import(state.Variables);
        }

        if (ParentContext is null)
        {
            InputScope = WorkflowContext.Input;
            OutputScope = WorkflowContext.Output;
        }
        else
        {
            InputScope = state.InputScope is null ? null : new Dictionary<string, object?>(state.InputScope, StringComparer.OrdinalIgnoreCase);
            OutputScope = state.OutputScope is null ? null : new Dictionary<string, object?>(state.OutputScope, StringComparer.OrdinalIgnoreCase);
        }

        _bookmarks = [.. bookmarks];
    }
}

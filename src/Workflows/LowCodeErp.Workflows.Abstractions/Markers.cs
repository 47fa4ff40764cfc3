namespace LowCodeErp.Workflows.Abstractions;

/// <summary>Completing this activity completes the enclosing flowchart at once (End, Break, Complete, Finish).</summary>
public interface ITerminalNode;

/// <summary>Marks the start of a flowchart (Start).</summary>
public interface IStartNode;

/// <summary>An activity that can start a workflow when <c>customProperties.canStartWorkflow</c> is true.</summary>
public interface ITrigger
{
    /// <summary>The stimulus name and payloads that start a workflow through this trigger (used to index triggers).</summary>
    ValueTask<IReadOnlyList<object>> GetTriggerPayloadsAsync(IActivityExecutionContext context);
}

/// <summary>A child completed: who, with which outcomes, and the tag the parent scheduled it with.</summary>
public sealed record ChildCompletion(IActivityExecutionContext Child, IReadOnlyList<string> Outcomes, object? Tag);

/// <summary>Sent by Break to the nearest loop.</summary>
public sealed record BreakSignal;

/// <summary>Sent by Complete to the nearest composite (workflow-as-activity or the workflow itself).</summary>
public sealed record CompleteCompositeSignal(IReadOnlyList<string> Outcomes);

/// <summary>Well-known outcome names.</summary>
public static class Outcomes
{
    /// <summary>The default outcome of an activity without declared ports.</summary>
    public const string Done = "Done";

    /// <summary>The outcomes used when an activity completes without naming any.</summary>
    public static readonly IReadOnlyList<string> Default = [Done];

    /// <summary>No outcome: every outbound connection is visited and none is followed (dead path).</summary>
    public static readonly IReadOnlyList<string> None = [];
}

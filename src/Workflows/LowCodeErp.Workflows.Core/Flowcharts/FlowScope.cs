using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Core.Flowcharts;

/// <summary>
/// Visit counters of the counter-based flowchart mode, persisted with the flowchart's execution. A join is ready when
/// each forward inbound connection was visited more often than the join itself ran, which also makes loops work.
/// </summary>
public sealed class FlowScope
{
    /// <summary>How often each activity was visited (ran or was skipped).</summary>
    public Dictionary<string, long> ActivityVisits { get; set; } = [];
    /// <summary>How often each connection was visited.</summary>
    public Dictionary<string, long> ConnectionVisits { get; set; } = [];
    /// <summary>Whether each connection's last visit followed it.</summary>
    public Dictionary<string, bool> ConnectionLastFollowed { get; set; } = [];

    /// <summary>Counts a visit of an activity.</summary>
    public void RegisterActivityVisit(string activityId) => ActivityVisits[activityId] = ActivityVisits.GetValueOrDefault(activityId) + 1;

    /// <summary>Counts a visit of a connection.</summary>
    public void RegisterConnectionVisit(Connection connection, bool followed)
    {
        ConnectionVisits[connection.Key] = ConnectionVisits.GetValueOrDefault(connection.Key) + 1;
        ConnectionLastFollowed[connection.Key] = followed;
    }

    /// <summary>Every forward inbound connection was visited since the activity last ran.</summary>
    public bool AllInboundVisited(IReadOnlyList<FlowEdge> inbound, string activityId)
    {
        var visits = ActivityVisits.GetValueOrDefault(activityId);
        return inbound.Count == 0 || inbound.Min(e => Visits(e)) > visits;
    }

    /// <summary>A connection visited in the latest round was followed.</summary>
    public bool AnyInboundFollowed(IReadOnlyList<FlowEdge> inbound, string activityId)
    {
        if (inbound.Count == 0)
        {
            return true;
        }

        var visits = ActivityVisits.GetValueOrDefault(activityId);
        var max = inbound.Max(e => Visits(e));
        return max > visits && inbound.Any(e => Visits(e) == max && LastFollowed(e));
    }

    /// <summary>Every connection was visited in the latest round and followed.</summary>
    public bool AllInboundFollowed(IReadOnlyList<FlowEdge> inbound, string activityId)
    {
        if (inbound.Count == 0)
        {
            return true;
        }

        var visits = ActivityVisits.GetValueOrDefault(activityId);
        var max = inbound.Max(e => Visits(e));
        return max > visits && inbound.All(e => Visits(e) == max && LastFollowed(e));
    }

    /// <summary>A late arrival at a WaitAny join that already ran for this round.</summary>
    public bool ShouldIgnore(FlowEdge edge) => Visits(edge) <= ActivityVisits.GetValueOrDefault(edge.Target.Id);

    private long Visits(FlowEdge edge) => ConnectionVisits.GetValueOrDefault(edge.Connection.Key);

    private bool LastFollowed(FlowEdge edge) => ConnectionLastFollowed.GetValueOrDefault(edge.Connection.Key);
}

/// <summary>A token of the token-based flowchart mode: one traversal of a connection.</summary>
public sealed class FlowToken
{
    /// <summary>Source activity id.</summary>
    public string From { get; set; } = "";
    /// <summary>Target activity id.</summary>
    public string To { get; set; } = "";
    /// <summary>Source port.</summary>
    public string? Outcome { get; set; }
    /// <summary>The target ran and used it.</summary>
    public bool Consumed { get; set; }
    /// <summary>A placeholder that blocks a late arrival (Race/Cascade).</summary>
    public bool Blocked { get; set; }
}

/// <summary>Per-activity merge modes of the token-based flowchart (from <c>customProperties.mergeMode</c>).</summary>
public enum MergeMode
{
    /// <summary>Unset: same as Stream.</summary>
    None,
    /// <summary>Proceed unless an upstream activity still holds unconsumed tokens.</summary>
    Stream,
    /// <summary>Wait for a token on every forward inbound connection.</summary>
    Merge,
    /// <summary>Wait for a token on every inbound connection, loops included.</summary>
    Converge,
    /// <summary>Run once per arriving token.</summary>
    Cascade,
    /// <summary>First token wins; the other inbound branches are cancelled.</summary>
    Race,
}

using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Core.Flowcharts;

/// <summary>A connection with both ends resolved to activities.</summary>
public sealed record FlowEdge(Connection Connection, Activity Source, Activity Target);

/// <summary>
/// The analysed shape of a flowchart seen from its start activity: which edges go forward and which close a loop
/// (backward), inbound/outbound lists and ancestors. Immutable and cached per (flowchart, start activity).
/// </summary>
public sealed class FlowGraph
{
    private readonly Dictionary<Activity, List<FlowEdge>> _outbound = [];
    private readonly Dictionary<Activity, List<FlowEdge>> _inbound = [];
    private readonly Dictionary<Activity, List<FlowEdge>> _forwardInbound = [];
    private readonly HashSet<FlowEdge> _forward;
    private readonly Dictionary<FlowEdge, bool> _backwardValid = [];
    private readonly Dictionary<Activity, HashSet<Activity>> _ancestors = [];
    private readonly Lock _lock = new();

    /// <summary>Builds the graph of <paramref name="activities"/> and <paramref name="connections"/> rooted at <paramref name="start"/>.</summary>
    public FlowGraph(IReadOnlyList<Activity> activities, IReadOnlyList<Connection> connections, Activity? start)
    {
        Start = start;
        var byId = new Dictionary<string, Activity>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            byId.TryAdd(activity.Id, activity);
        }

        var edges = new List<FlowEdge>();
        foreach (var connection in connections)
        {
            // Connections to unknown activities are reported by the validator; at run time they are ignored (as Elsa does).
            if (byId.TryGetValue(connection.Source.ActivityId, out var source) && byId.TryGetValue(connection.Target.ActivityId, out var target))
            {
                var edge = new FlowEdge(connection, source, target);
                edges.Add(edge);
                Add(_outbound, source, edge);
                Add(_inbound, target, edge);
            }
        }

        _forward = start is null ? [] : FindForwardEdges(edges, start);
        foreach (var edge in edges.Where(_forward.Contains))
        {
            Add(_forwardInbound, edge.Target, edge);
        }

        foreach (var edge in edges.Where(e => !_forward.Contains(e)))
        {
            _backwardValid[edge] = IsValidBackward(edge);
        }
    }

    /// <summary>The start activity the analysis is rooted at.</summary>
    public Activity? Start { get; }

    /// <summary>Outbound edges of an activity, in definition order.</summary>
    public IReadOnlyList<FlowEdge> Outbound(Activity activity) => _outbound.GetValueOrDefault(activity) ?? [];

    /// <summary>All inbound edges of an activity.</summary>
    public IReadOnlyList<FlowEdge> Inbound(Activity activity) => _inbound.GetValueOrDefault(activity) ?? [];

    /// <summary>Inbound edges that are not loop-closing.</summary>
    public IReadOnlyList<FlowEdge> ForwardInbound(Activity activity) => _forwardInbound.GetValueOrDefault(activity) ?? [];

    /// <summary>Whether an edge closes a loop; <paramref name="isValid"/> tells whether every path back to the start passes its target.</summary>
    public bool IsBackward(FlowEdge edge, out bool isValid)
    {
        var backward = _backwardValid.TryGetValue(edge, out isValid);
        return backward;
    }

    /// <summary>An activity no forward edge reaches (and not the start).</summary>
    public bool IsDangling(Activity activity) => activity != Start && ForwardInbound(activity).Count == 0;

    /// <summary>Every activity with a forward path to <paramref name="activity"/>.</summary>
    public IReadOnlySet<Activity> Ancestors(Activity activity)
    {
        lock (_lock)
        {
            if (_ancestors.TryGetValue(activity, out var cached))
            {
                return cached;
            }

            var result = new HashSet<Activity>();
            var queue = new Queue<Activity>();
            queue.Enqueue(activity);
            while (queue.TryDequeue(out var current))
            {
                foreach (var edge in ForwardInbound(current))
                {
                    if (result.Add(edge.Source))
                    {
                        queue.Enqueue(edge.Source);
                    }
                }
            }

            _ancestors[activity] = result;
            return result;
        }
    }

    private static void Add(Dictionary<Activity, List<FlowEdge>> map, Activity key, FlowEdge edge)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(edge);
    }

    /// <summary>Breadth-first from the start; an edge is forward unless its target already reaches its source.</summary>
    private HashSet<FlowEdge> FindForwardEdges(List<FlowEdge> edges, Activity start)
    {
        var forward = new HashSet<FlowEdge>();
        var successors = new Dictionary<Activity, List<Activity>>();
        var visited = new HashSet<Activity>();
        var queue = new Queue<Activity>();
        queue.Enqueue(start);
        while (queue.TryDequeue(out var source))
        {
            visited.Add(source);
            foreach (var edge in Outbound(source))
            {
                if (forward.Contains(edge) || Reaches(successors, edge.Target, source))
                {
                    continue;
                }

                forward.Add(edge);
                if (!successors.TryGetValue(source, out var next))
                {
                    next = [];
                    successors[source] = next;
                }

                next.Add(edge.Target);
                if (!visited.Contains(edge.Target))
                {
                    queue.Enqueue(edge.Target);
                }
            }
        }

        return forward;
    }

    private static bool Reaches(Dictionary<Activity, List<Activity>> successors, Activity from, Activity to)
    {
        var seen = new HashSet<Activity>();
        var stack = new Stack<Activity>();
        stack.Push(from);
        while (stack.TryPop(out var current))
        {
            if (current == to)
            {
                return true;
            }

            if (seen.Add(current) && successors.TryGetValue(current, out var next))
            {
                foreach (var n in next)
                {
                    stack.Push(n);
                }
            }
        }

        return false;
    }

    /// <summary>A loop edge is valid when every forward path from the start to its source passes through its target.</summary>
    private bool IsValidBackward(FlowEdge edge)
    {
        if (Start is null)
        {
            return false;
        }

        // Walk backwards from the source without passing the target: reaching the start means a path avoids the target.
        var seen = new HashSet<Activity> { edge.Target };
        var stack = new Stack<Activity>();
        stack.Push(edge.Source);
        while (stack.TryPop(out var current))
        {
            if (current == edge.Target)
            {
                continue;
            }

            if (current == Start)
            {
                return false;
            }

            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var inbound in ForwardInbound(current))
            {
                stack.Push(inbound.Source);
            }
        }

        return true;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace LowCodeErp.Web.Diagrams;

/// <summary>An activity box of the diagram: its top-left corner in diagram units.</summary>
public sealed record DiagramNode(string Id, string Label, string Type, double X, double Y, bool IsCurrent);

/// <summary>A connection from an activity's outcome port to another activity.</summary>
public sealed record DiagramEdge(string From, string To, string? Port);

/// <summary>
/// A read-only picture of a flowchart definition (Elsa 3 JSON: <c>root.activities</c>, <c>root.connections</c>) with one
/// activity highlighted: where a task stands in its flow. Activities sit where the designer put them
/// (<c>metadata.designer.position</c>); when any position is missing, a layered layout left to right instead (each
/// activity one column after the longest path of connections into it, loops ignored).
/// </summary>
public sealed record FlowDiagram(IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramEdge> Edges, double Width, double Height, bool FromDesigner)
{
    public const double NodeWidth = 160;
    public const double NodeHeight = 48;
    private const double Margin = 16;
    private const double ColumnGap = 70;
    private const double RowGap = 28;

    /// <summary>The diagram of <paramref name="definition"/>'s flowchart; null when its root is not a flowchart.</summary>
    public static FlowDiagram? FromDefinition(JsonNode? definition, string currentActivityId)
    {
        if (definition?["root"] is not JsonObject root || root["activities"] is not JsonArray activities)
        {
            return null;
        }

        var nodes = activities.OfType<JsonObject>()
            .Select(a => (Id: Text(a["id"]) ?? "", Activity: a))
            .Where(a => a.Id.Length > 0)
            .ToList();
        var ids = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var edges = (root["connections"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => new DiagramEdge(Text(c["source"]?["activity"]) ?? "", Text(c["target"]?["activity"]) ?? "", Text(c["source"]?["port"])))
            .Where(e => ids.Contains(e.From) && ids.Contains(e.To))
            .ToList();

        var designer = nodes.Select(n => Position(n.Activity)).ToList();
        var fromDesigner = nodes.Count > 0 && designer.TrueForAll(p => p is not null);
        var places = fromDesigner
            ? Normalize([.. designer.Select(p => p!.Value)])
            : Layered(nodes.Select(n => n.Id).ToList(), edges);

        var placed = nodes.Select((n, i) => new DiagramNode(n.Id, Label(n.Activity, n.Id), ShortType(Text(n.Activity["type"])),
            places[i].X, places[i].Y, n.Id == currentActivityId)).ToList();
        var width = placed.Count == 0 ? 0 : placed.Max(n => n.X) + NodeWidth + Margin;
        var height = placed.Count == 0 ? 0 : placed.Max(n => n.Y) + NodeHeight + Margin;
        return new FlowDiagram(placed, edges, width, height, fromDesigner);
    }

    /// <summary>The node with <paramref name="id"/>.</summary>
    public DiagramNode Node(string id) => Nodes.First(n => n.Id == id);

    // Elsa's designer stores the box's top-left corner; the picture starts at the top-left-most box.
    private static List<(double X, double Y)> Normalize(List<(double X, double Y)> positions)
    {
        var (minX, minY) = (positions.Min(p => p.X), positions.Min(p => p.Y));
        return [.. positions.Select(p => (p.X - minX + Margin, p.Y - minY + Margin))];
    }

    private static List<(double X, double Y)> Layered(List<string> ids, List<DiagramEdge> edges)
    {
        var forward = WithoutLoops(ids, edges);
        var column = ids.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        // Longest path: relax along the acyclic edges in topological order (Kahn).
        var incoming = ids.ToDictionary(id => id, id => forward.Count(e => e.To == id), StringComparer.Ordinal);
        var ready = new Queue<string>(ids.Where(id => incoming[id] == 0));
        while (ready.TryDequeue(out var id))
        {
            foreach (var edge in forward.Where(e => e.From == id))
            {
                column[edge.To] = Math.Max(column[edge.To], column[id] + 1);
                if (--incoming[edge.To] == 0)
                {
                    ready.Enqueue(edge.To);
                }
            }
        }

        var row = new Dictionary<int, int>();
        return [.. ids.Select(id =>
        {
            var c = column[id];
            var r = row[c] = row.GetValueOrDefault(c, -1) + 1;
            return (Margin + c * (NodeWidth + ColumnGap), Margin + r * (NodeHeight + RowGap));
        })];
    }

    /// <summary>The connections minus those that close a loop (found depth-first from the activities nothing leads to).</summary>
    private static List<DiagramEdge> WithoutLoops(List<string> ids, List<DiagramEdge> edges)
    {
        var loops = new HashSet<DiagramEdge>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the current path, true: done
        void Visit(string id)
        {
            state[id] = false;
            foreach (var edge in edges.Where(e => e.From == id))
            {
                if (!state.TryGetValue(edge.To, out var done))
                {
                    Visit(edge.To);
                }
                else if (!done)
                {
                    loops.Add(edge);
                }
            }

            state[id] = true;
        }

        foreach (var id in ids.Where(id => !edges.Any(e => e.To == id)).Concat(ids))
        {
            if (!state.ContainsKey(id))
            {
                Visit(id);
            }
        }

        return [.. edges.Where(e => !loops.Contains(e))];
    }

    private static (double X, double Y)? Position(JsonObject activity) =>
        activity["metadata"]?["designer"]?["position"] is JsonObject p && Number(p["x"]) is { } x && Number(p["y"]) is { } y ? (x, y) : null;

    private static string Label(JsonObject activity, string id) =>
        Text(activity["metadata"]?["displayText"]) is { Length: > 0 } shown ? shown
        : Text(activity["name"]) is { Length: > 0 } name ? name
        : id;

    private static string ShortType(string? type) => type is null ? "" : type[(type.LastIndexOf('.') + 1)..];

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? text) ? text : null;

    private static double? Number(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue(out double d) ? d
          : v.TryGetValue(out string? s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null
        : null;
}

using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.Web.Diagrams;

namespace LowCodeErp.Web.Tests;

/// <summary>The task page's flow diagram: designer positions when every activity has one, else a layered layout.</summary>
public sealed class FlowDiagramTests
{
    private static readonly JsonNode LeaseApproval = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Flows", "lease-approval.json")))!;

    [Fact]
    public void FromDefinition_Should_LayOutAFlowWithoutPositionsInColumnsByLongestPath_AndHighlightTheTasksActivity()
    {
        var diagram = FlowDiagram.FromDefinition(LeaseApproval, "review")!;

        diagram.FromDesigner.Should().BeFalse();
        diagram.Nodes.Should().ContainSingle(n => n.IsCurrent).Which.Should().Match<DiagramNode>(n => n.Id == "review" && n.Type == "HumanTask");
        Columns(diagram).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            // "rejected" follows both the review and the committee: it stands after the later of the two.
            ["start"] = 0, ["set-lessee"] = 1, ["review"] = 2, ["committee"] = 3, ["rework"] = 3, ["sign"] = 4, ["rejected"] = 4,
        });
        diagram.Edges.Should().HaveCount(7).And.Contain(new DiagramEdge("review", "committee", "Approve"));
        Overlapping(diagram).Should().BeEmpty();
        diagram.Width.Should().BeGreaterThan(diagram.Nodes.Max(n => n.X) + FlowDiagram.NodeWidth - 1);
    }

    [Fact]
    public void FromDefinition_Should_PlaceActivitiesWhereTheDesignerPutThem_ShiftedToTheCorner()
    {
        var flow = Flow(("a", 300, 120), ("b", 620, 120), ("c", 620, 400));

        var diagram = FlowDiagram.FromDefinition(flow, "c")!;

        diagram.FromDesigner.Should().BeTrue();
        diagram.Nodes.Select(n => (n.Id, n.X, n.Y)).Should().Equal(("a", 16d, 16d), ("b", 336d, 16d), ("c", 336d, 296d));
        diagram.Node("c").IsCurrent.Should().BeTrue();
        (diagram.Width, diagram.Height).Should().Be((336d + FlowDiagram.NodeWidth + 16, 296d + FlowDiagram.NodeHeight + 16));
    }

    [Fact]
    public void FromDefinition_Should_FallBackToLayers_WhenAnyPositionIsMissing()
    {
        var flow = Flow(("a", 300, 120), ("b", null, null), ("c", 620, 400));

        var diagram = FlowDiagram.FromDefinition(flow, "b")!;

        diagram.FromDesigner.Should().BeFalse();
        Columns(diagram).Should().BeEquivalentTo(new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 2 });
    }

    [Fact]
    public void FromDefinition_Should_IgnoreTheConnectionThatClosesALoop()
    {
        // The lease flow with rework sent back to the review: the loop must not push the review behind the rework.
        var flow = LeaseApproval.DeepClone();
        flow["root"]!["connections"]!.AsArray().Add(JsonNode.Parse("""{"source":{"activity":"rework","port":"Resubmitted"},"target":{"activity":"review","port":"In"}}"""));

        var diagram = FlowDiagram.FromDefinition(flow, "rework")!;

        Columns(diagram)["review"].Should().Be(2);
        Columns(diagram)["rework"].Should().Be(3);
        diagram.Edges.Should().HaveCount(8, "the loop is still drawn");
    }

    [Fact]
    public void FromDefinition_Should_ReturnNull_WhenTheRootIsNoFlowchart()
    {
        var sequence = JsonNode.Parse("""{"definitionId":"s","root":{"id":"r","type":"Elsa.WriteLine","text":"hi"}}""");

        FlowDiagram.FromDefinition(sequence, "r").Should().BeNull();
    }

    private static Dictionary<string, int> Columns(FlowDiagram diagram)
    {
        var xs = diagram.Nodes.Select(n => n.X).Distinct().Order().ToList();
        return diagram.Nodes.ToDictionary(n => n.Id, n => xs.IndexOf(n.X));
    }

    private static List<(string, string)> Overlapping(FlowDiagram diagram) =>
        [.. from a in diagram.Nodes
            from b in diagram.Nodes
            where string.CompareOrdinal(a.Id, b.Id) < 0
                  && Math.Abs(a.X - b.X) < FlowDiagram.NodeWidth && Math.Abs(a.Y - b.Y) < FlowDiagram.NodeHeight
            select (a.Id, b.Id)];

    private static JsonObject Flow(params (string Id, double? X, double? Y)[] activities)
    {
        var list = new JsonArray();
        foreach (var (id, x, y) in activities)
        {
            var activity = new JsonObject { ["id"] = id, ["type"] = "Elsa.WriteLine" };
            if (x is not null)
            {
                activity["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = x, ["y"] = y } } };
            }

            list.Add(activity);
        }

        var connections = new JsonArray();
        for (var i = 1; i < activities.Length; i++)
        {
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = activities[i - 1].Id, ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = activities[i].Id, ["port"] = "In" },
            });
        }

        return new JsonObject { ["definitionId"] = "f", ["root"] = new JsonObject { ["id"] = "flow", ["type"] = "Elsa.Flowchart", ["activities"] = list, ["connections"] = connections } };
    }
}

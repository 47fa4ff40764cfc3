using FluentAssertions;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Expressions;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Core.Tests;

/// <summary>
/// Studio gets node ids from <see cref="ActivityNodeIds.AssignMissing"/> before a definition ever ran, and journals
/// and bookmarks get them from execution; both must spell every id the same way or Studio cannot find what ran.
/// </summary>
public sealed class ActivityNodeIdsTests
{
    // Each conformance folder is loaded as a whole: some definitions use others as activities.
    public static TheoryData<string> ConformanceFolders() =>
    [
        .. Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "Conformance"))
            .Select(d => Path.GetRelativePath(AppContext.BaseDirectory, d)),
    ];

    [Theory]
    [MemberData(nameof(ConformanceFolders))]
    public void Assigned_node_ids_should_be_the_ones_execution_uses(string folder)
    {
        using var designer = new WorkflowTestHost();
        using var engine = new WorkflowTestHost();
        var expressions = engine.Services.GetRequiredService<ExpressionEngine>();
        var forDesigner = Load(designer, folder);
        var forExecution = Load(engine, folder);

        for (var i = 0; i < forDesigner.Count; i++)
        {
            ClearNodeIds(forDesigner[i].Root);
            ActivityNodeIds.AssignMissing(forDesigner[i]);
            var expected = NodeIdsById(WorkflowGraph.For(forExecution[i], expressions).Root.Definition.Root);

            expected.Should().NotBeEmpty();
            NodeIdsById(forDesigner[i].Root).Should().Equal(expected, forDesigner[i].DefinitionId);
            expected.Values.Should().OnlyContain(id => id.StartsWith(ActivityNodeIds.WorkflowRoot + ":", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Node_ids_already_present_should_be_kept()
    {
        using var host = new WorkflowTestHost();
        var definition = host.LoadFile(Path.Combine("Conformance", "BasicWorkflows", Path.GetFileName(
            Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Conformance", "BasicWorkflows"), "*.json")
                .First(f => !f.EndsWith(".expect.json", StringComparison.Ordinal)))));
        ClearNodeIds(definition.Root);
        definition.Root!.NodeId = "kept";

        ActivityNodeIds.AssignMissing(definition);

        definition.Root.NodeId.Should().Be("kept");
        definition.Root.GetChildren().Should().OnlyContain(c => c.NodeId!.StartsWith("kept:", StringComparison.Ordinal));
    }

    private static List<WorkflowDefinition> Load(WorkflowTestHost host, string folder)
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, folder), "*.json")
            .Where(f => !f.EndsWith(".expect.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var loaded = host.Loader.LoadFiles(files);
        loaded.SelectMany(l => l.FormatErrors()).Should().BeEmpty();
        return [.. loaded.Select(l => l.Definition!)];
    }

    // Some corpus files carry node ids Elsa's designer saved; clear them so the scheme itself is compared.
    private static void ClearNodeIds(Activity? activity)
    {
        if (activity is null)
        {
            return;
        }

        activity.NodeId = null;
        foreach (var child in activity.GetChildren())
        {
            ClearNodeIds(child);
        }
    }

    private static Dictionary<string, string> NodeIdsById(Activity? root)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(root);
        return ids;

        void Walk(Activity? activity)
        {
            if (activity is null)
            {
                return;
            }

            ids[activity.Id] = activity.NodeId!;
            foreach (var child in activity.GetChildren())
            {
                Walk(child);
            }
        }
    }
}

using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests;

/// <summary>Every definition shipped in the repository's workflows/ folder is valid and runs.</summary>
public sealed class WorkflowsFolderTests
{
    private static string WorkflowsFolder => RepositoryPaths.Workflows;

    public static TheoryData<string> Files() => [.. Directory.GetFiles(WorkflowsFolder, "*.json").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Shipped_definition_should_validate_and_run_when_loaded_with_its_folder(string file)
    {
        using var host = new WorkflowTestHost();
        var loaded = host.Loader.LoadFiles(Directory.GetFiles(WorkflowsFolder, "*.json"));
        var entry = loaded.Single(l => Path.GetFileName(l.Source) == file);
        entry.FormatErrors().Should().BeEmpty();

        var workflow = await host.RunAsync(entry.Definition!);

        workflow.Incidents.Should().BeEmpty();
        workflow.SubStatus.Should().BeOneOf(WorkflowSubStatus.Finished, WorkflowSubStatus.Suspended);
    }

    [Fact]
    public async Task Order_size_check_should_take_the_large_branch_when_amount_is_150()
    {
        using var host = new WorkflowTestHost();
        var definition = host.LoadFile(Path.Combine(WorkflowsFolder, "order-size-check.json"));

        var workflow = await host.RunAsync(definition);

        host.Lines.Should().Equal("Large order: 150");
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        workflow.Variables["Amount"].Should().Be(150);
    }
}

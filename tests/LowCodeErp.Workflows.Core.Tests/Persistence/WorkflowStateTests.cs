using System.Text.Json;
using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Core.Tests.Persistence;

/// <summary>
/// A suspended instance captured as JSON and restored in a fresh engine (as after a restart) resumes exactly where it
/// stopped: joins, loops, variables, token flow and workflows used as activities.
/// </summary>
public sealed class WorkflowStateTests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Persistence");

    [Fact]
    public async Task Restored_instance_should_finish_a_join_whose_other_branch_ran_before_the_restart()
    {
        var lines = await RunThroughRestartsAsync("fork-delay-join.json");

        lines.Should().Equal("fast branch", "joined");
    }

    [Fact]
    public async Task Restored_instance_should_continue_a_loop_with_its_variables()
    {
        var lines = await RunThroughRestartsAsync("loop-with-wait.json");

        lines.Should().Equal("item 1, total 1", "item 2, total 3", "item 3, total 6", "done: 6");
    }

    [Fact]
    public async Task Restored_instance_should_continue_token_flow_merges()
    {
        var lines = await RunThroughRestartsAsync("fork-delay-join.json", FlowchartExecutionMode.TokenBased);

        lines.Should().Equal("fast branch", "joined");
    }

    [Fact]
    public async Task Restored_instance_should_continue_inside_a_workflow_used_as_an_activity()
    {
        var lines = await RunThroughRestartsAsync("parent-of-waiting-child.json");

        lines.Should().Equal("child waits for Go", "child got: ready", "parent got: ready");
    }

    [Fact]
    public async Task Captured_state_should_refuse_an_unknown_activity_when_the_definition_changed()
    {
        using var host = new WorkflowTestHost();
        var definitions = host.Load(Documents());
        var workflow = await host.RunAsync(definitions.Single(d => d.DefinitionId == "fork-delay-join"));
        var state = WorkflowStateMapper.ToState(workflow);
        state.ActivityExecutions[^1].ActivityNodeId = "Workflow1:gone";

        var restore = () => host.Services.GetRequiredService<WorkflowStateMapper>().RestoreAsync(workflow.Definition, state);

        await restore.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Workflow1:gone*");
    }

    /// <summary>Runs the definition; while it waits, captures it as JSON, restores it in a new engine and resumes every bookmark.</summary>
    private static async Task<IReadOnlyList<string>> RunThroughRestartsAsync(string file, FlowchartExecutionMode mode = FlowchartExecutionMode.CounterBased)
    {
        var documents = Documents();
        var lines = new List<string>();
        string json;
        string definitionId = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file))).RootElement.GetProperty("definitionId").GetString()!;
        using (var host = new WorkflowTestHost(o => o.DefaultFlowchartMode = mode))
        {
            var definitions = host.Load(documents);
            var workflow = await host.RunAsync(definitions.Single(d => d.DefinitionId == definitionId));
            lines.AddRange(host.Lines);
            json = JsonSerializer.Serialize(WorkflowStateMapper.ToState(workflow), SerializerOptions.Default);
        }

        for (var restart = 0; restart < 10; restart++)
        {
            var state = JsonSerializer.Deserialize<WorkflowState>(json, SerializerOptions.Default)!;
            if (state.Status == WorkflowStatus.Finished || state.Bookmarks.Count == 0)
            {
                state.SubStatus.Should().Be(WorkflowSubStatus.Finished, "the flow should end; output: {0}; incidents: {1}",
                    string.Join(" | ", lines), string.Join(" | ", state.Incidents.Select(i => $"{i.ActivityId}: {i.Message}")));
                return lines;
            }

            using var host = new WorkflowTestHost(o => o.DefaultFlowchartMode = mode);
            var definitions = host.Load(documents);
            var workflow = await host.Services.GetRequiredService<WorkflowStateMapper>()
                .RestoreAsync(definitions.Single(d => d.Id == state.DefinitionVersionId), state, host.Output, TestContext.Current.CancellationToken);
            await host.Runner.ResumeAsync(workflow, state.Bookmarks[0].Id, new Dictionary<string, object?> { ["Payload"] = "ready" }, TestContext.Current.CancellationToken);
            lines.AddRange(host.Lines);
            json = JsonSerializer.Serialize(WorkflowStateMapper.ToState(workflow), SerializerOptions.Default);
        }

        throw new InvalidOperationException("The flow did not end within 10 restarts.");
    }

    private static (string, string)[] Documents() =>
        [.. Directory.GetFiles(Folder, "*.json").Select(f => (Path.GetFileName(f), File.ReadAllText(f)))];
}

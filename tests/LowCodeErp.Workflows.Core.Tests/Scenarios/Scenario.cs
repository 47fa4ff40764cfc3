using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests.Scenarios;

/// <summary>Shared helpers of the scenario tests: each scenario is an Elsa 3 JSON definition beside its test class.</summary>
internal static class Scenario
{
    /// <summary>Path of a scenario file relative to the test output folder.</summary>
    public static string PathOf(string area, string file) => Path.Combine("Scenarios", area, file);

    /// <summary>The text of a scenario file.</summary>
    public static string ReadJson(string area, string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, PathOf(area, file)));

    /// <summary>Loads a scenario (the test fails if the definition is invalid).</summary>
    public static WorkflowDefinition Load(WorkflowTestHost host, string area, string file) => host.LoadFile(PathOf(area, file));

    /// <summary>Loads and runs a scenario.</summary>
    public static Task<WorkflowExecutionContext> RunAsync(WorkflowTestHost host, string area, string file, RunOptions? options = null) =>
        host.RunAsync(Load(host, area, file), options);

    /// <summary>Runs a scenario with workflow input.</summary>
    public static Task<WorkflowExecutionContext> RunWithInputAsync(WorkflowTestHost host, string area, string file, params (string Name, object? Value)[] input) =>
        RunAsync(host, area, file, new RunOptions { Input = input.ToDictionary(i => i.Name, i => i.Value) });

    /// <summary>Resumes one bookmark.</summary>
    public static Task ResumeAsync(WorkflowTestHost host, WorkflowExecutionContext workflow, Bookmark bookmark, params (string Name, object? Value)[] input) =>
        host.Runner.ResumeAsync(workflow, bookmark.Id, input.ToDictionary(i => i.Name, i => i.Value), TestContext.Current.CancellationToken);

    /// <summary>How often an activity completed (from the journal).</summary>
    public static int CompletedCount(WorkflowExecutionContext workflow, string activityId) =>
        workflow.Journal.Count(j => j.ActivityId == activityId && j.EventName == "Completed");

    /// <summary>Whether the journal records an event of an activity.</summary>
    public static bool HasJournalEvent(WorkflowExecutionContext workflow, string activityId, string eventName) =>
        workflow.Journal.Exists(j => j.ActivityId == activityId && j.EventName == eventName);

    /// <summary>A diagnostic for assertion messages: status, incidents, output and bookmarks.</summary>
    public static string Describe(WorkflowExecutionContext workflow, WorkflowTestHost host) =>
        $"status {workflow.Status}/{workflow.SubStatus}; incidents [{string.Join("; ", workflow.Incidents.Select(i => $"{i.ActivityId}: {i.Message}"))}]; " +
        $"output [{string.Join(", ", host.Lines)}]; bookmarks [{string.Join(", ", workflow.Bookmarks.Select(b => $"{b.Name}@{b.ActivityId}"))}]";
}

/// <summary>A clock that stands still, so due times of Delay and Timer bookmarks are exact.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}

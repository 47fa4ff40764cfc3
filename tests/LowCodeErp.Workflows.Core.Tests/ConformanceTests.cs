using System.Text.Json;
using FluentAssertions;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Core.Tests;

/// <summary>
/// Runs the Elsa 3 conformance corpus (definitions from Elsa's own test suite, with what Elsa's tests assert about
/// them; see Conformance/README.md). Each folder is one isolated registry; every case of every entry point runs.
/// </summary>
public sealed class ConformanceTests
{
    // Elsa's tests for these folders import each file with Publish = true, whatever the file says.
    private static readonly HashSet<string> PublishOnImport = new(StringComparer.Ordinal)
    {
        "JoinBehaviors", "ExplicitJoins", "FlowchartCompletion", "ImportAndExecute",
        "ParentChildCompletion", "ParentChildInputs", "ParentChildOutputMapping",
    };

    private static string Root => Path.Combine(AppContext.BaseDirectory, "Conformance");

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var expectFile in Directory.GetFiles(Root, "*.expect.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(expectFile));
            var relative = Path.GetRelativePath(Root, expectFile).Replace('\\', '/');
            for (var i = 0; i < document.RootElement.GetArrayLength(); i++)
            {
                data.Add(relative[..^".expect.json".Length], i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_behaves_as_Elsa_asserts(string entry, int caseIndex)
    {
        var folder = Path.GetDirectoryName(Path.Combine(Root, entry))!;
        using var expectDocument = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, entry + ".expect.json")));
        var testCase = expectDocument.RootElement[caseIndex];
        var mode = testCase.TryGetProperty("options", out var options) && options.TryGetProperty("flowchartExecutionMode", out var m)
            ? Enum.Parse<FlowchartExecutionMode>(m.GetString()!)
            : FlowchartExecutionMode.CounterBased;
        var started = new StartedInstances();
        using var host = new WorkflowTestHost(o => o.DefaultFlowchartMode = mode, s => s.AddSingleton<IWorkflowObserver>(started));

        var documents = Directory.GetFiles(folder, "*.json").Where(f => !f.EndsWith(".expect.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        var definitions = host.Load(documents);
        if (PublishOnImport.Contains(Path.GetFileName(folder)))
        {
            definitions.ToList().ForEach(d => d.IsPublished = true);
        }

        using var entryDocument = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, entry + ".json")));
        var entryId = entryDocument.RootElement.GetProperty("id").GetString();
        var definition = definitions.Single(d => d.Id == entryId);
        var input = testCase.TryGetProperty("input", out var inputElement) ? ToDictionary(inputElement) : null;

        var workflow = await host.RunAsync(definition, new RunOptions { Input = input });
        if (testCase.TryGetProperty("resume", out _))
        {
            await host.ResumeAllAsync(workflow, input);
        }

        Assert(testCase.GetProperty("expect"), workflow, host.Lines, started.Instances);
    }

    private static void Assert(JsonElement expect, WorkflowExecutionContext workflow, IReadOnlyList<string> lines, IReadOnlyList<WorkflowExecutionContext> started)
    {
        var because = $"incidents: [{string.Join("; ", workflow.Incidents.Select(i => $"{i.ActivityId}: {i.Message}"))}], output: [{string.Join(", ", lines)}]";
        foreach (var property in expect.EnumerateObject())
        {
            switch (property.Name)
            {
                case "status":
                    workflow.Status.ToString().Should().Be(property.Value.GetString(), because);
                    break;
                case "subStatus":
                    workflow.SubStatus.ToString().Should().Be(property.Value.GetString(), because);
                    break;
                case "output":
                    lines.Should().Equal(property.Value.EnumerateArray().Select(e => e.GetString()), because);
                    break;
                case "outputSet":
                    lines.Should().Contain(property.Value.EnumerateArray().Select(e => e.GetString()), because);
                    break;
                case "variables":
                    foreach (var variable in property.Value.EnumerateObject())
                    {
                        workflow.Variables.Should().ContainKey(variable.Name);
                        JsonSerializer.Serialize(workflow.Variables[variable.Name]).Should().Be(variable.Value.GetRawText(), because);
                    }

                    break;
                case "activityExecutionCounts":
                    foreach (var count in property.Value.EnumerateObject())
                    {
                        workflow.Journal.Count(j => j.ActivityId == count.Name && j.EventName == "Completed")
                            .Should().Be(count.Value.GetInt32(), because);
                    }

                    break;
                case "childInstances":
                    AssertChildren(property.Value, workflow, started, because);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown expectation '{property.Name}'.");
            }
        }
    }

    private static void AssertChildren(JsonElement expected, WorkflowExecutionContext parent, IReadOnlyList<WorkflowExecutionContext> started, string because)
    {
        foreach (var child in expected.EnumerateArray())
        {
            var definitionId = child.GetProperty("definitionId").GetString();
            var instance = started.FirstOrDefault(s => s.DefinitionId == definitionId && s != parent);
            instance.Should().NotBeNull($"a child instance of '{definitionId}' should have been started; {because}");
            if (child.TryGetProperty("correlationId", out var correlationId))
            {
                instance!.CorrelationId.Should().Be(correlationId.GetString(), because);
            }

            if (child.TryGetProperty("properties", out var properties))
            {
                foreach (var p in properties.EnumerateObject())
                {
                    var expectedValue = p.Value.GetString() == "$parentInstanceId" ? parent.InstanceId : p.Value.GetString();
                    instance!.Properties.Should().ContainKey(p.Name);
                    instance.Properties[p.Name]?.ToString().Should().Be(expectedValue, because);
                }
            }
        }
    }

    private static Dictionary<string, object?> ToDictionary(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => ValueConversion.FromElement(p.Value));

    private sealed class StartedInstances : IWorkflowObserver
    {
        public List<WorkflowExecutionContext> Instances { get; } = [];

        public void OnStarted(WorkflowExecutionContext workflow) => Instances.Add(workflow);
    }
}

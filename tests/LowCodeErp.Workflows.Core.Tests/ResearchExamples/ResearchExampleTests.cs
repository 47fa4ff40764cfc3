using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.Workflows.Abstractions.Descriptors;
using LowCodeErp.Workflows.Core.Activities.Branching;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests.ResearchExamples;

/// <summary>
/// The JSON examples of our Elsa research report (written by the team, kept here as files): the composite If runs,
/// and our FlowJoin descriptor carries every field of the report's example with the values Studio relies on.
/// (The report's full definition example is workflows/order-size-check.json, run by WorkflowsFolderTests.)
/// </summary>
public sealed class ResearchExampleTests
{
    private static readonly JsonSerializerOptions StudioJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ResearchExamples", file));

    [Theory]
    [InlineData(150, new[] { "big" })]
    [InlineData(50, new string[0])]
    public async Task Composite_If_example_should_run_then_only_when_the_condition_holds(int amount, string[] expected)
    {
        using var host = new WorkflowTestHost();
        var definition = new JsonObject
        {
            ["definitionId"] = "if-example",
            ["variables"] = new JsonArray(new JsonObject { ["id"] = "amount", ["name"] = "Amount", ["typeName"] = "Int32", ["value"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            ["root"] = JsonNode.Parse(Read("if-composite-activity.json")),
        };

        var workflow = await host.RunJsonAsync(definition.ToJsonString());

        host.Lines.Should().Equal(expected);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public void FlowJoin_descriptor_should_have_every_field_of_the_report_example()
    {
        var example = JsonNode.Parse(Read("flowjoin-descriptor.json"))!.AsObject();
        var ours = JsonSerializer.SerializeToNode(ActivityDescriber.Describe<FlowJoin>(), StudioJson)!.AsObject();

        ours.Select(p => p.Key).Should().Contain(example.Select(p => p.Key));
        var exampleInput = example["inputs"]![0]!.AsObject();
        var ourInput = ours["inputs"]![0]!.AsObject();
        ourInput.Select(p => p.Key).Should().Contain(exampleInput.Select(p => p.Key).Where(k => exampleInput[k] is not null));
        foreach (var field in new[] { "typeName", "namespace", "name", "version", "category", "displayName", "kind", "isBrowsable", "isStart", "isTerminal" })
        {
            ours[field]!.ToJsonString().Should().Be(example[field]!.ToJsonString(), field);
        }

        foreach (var field in new[] { "name", "displayName", "isWrapped", "uiHint", "defaultValue", "isBrowsable", "autoEvaluate" })
        {
            ourInput[field]!.ToJsonString().Should().Be(exampleInput[field]!.ToJsonString(), $"inputs[0].{field}");
        }

        ourInput["uiSpecifications"]!["dropdown"]!["selectList"]!["items"]!.AsArray().Select(i => i!["value"]!.GetValue<string>())
            .Should().BeEquivalentTo("WaitAll", "WaitAllActive", "WaitAny");
    }
}

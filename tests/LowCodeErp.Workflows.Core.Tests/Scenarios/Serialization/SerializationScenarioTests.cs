using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.Workflows.Core.Activities.Scheduling;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests.Scenarios.Serialization;

/// <summary>The serializer's lossless round trip, the legacy connection shape and inputs without a type name.</summary>
public sealed class SerializationScenarioTests
{
    private const string Area = "Serialization";

    [Fact]
    public void Write_should_produce_identical_text_when_a_written_definition_is_loaded_and_written_again()
    {
        using var host = new WorkflowTestHost();
        var first = host.Load(("round-trip.json", Scenario.ReadJson(Area, "round-trip.json")))[0];

        var text1 = WorkflowSerializer.Write(first);
        var second = host.Load(("round-trip.written.json", text1))[0];
        var text2 = WorkflowSerializer.Write(second);

        text2.Should().Be(text1);
    }

    [Fact]
    public void Write_should_keep_every_property_of_the_source_document_when_it_is_in_the_current_shape()
    {
        // Lossless: every property of the source (designer metadata, unknown custom properties, unknown top-level,
        // option and activity properties, variables with their extra fields, vertices) is in the written document with
        // the same value. The writer may add defaults (e.g. empty customProperties), never drop or change anything.
        using var host = new WorkflowTestHost();
        var source = JsonNode.Parse(Scenario.ReadJson(Area, "round-trip.json"))!;
        var definition = host.Load(("round-trip.json", source.ToJsonString()))[0];

        var written = JsonNode.Parse(WorkflowSerializer.Write(definition))!;

        var missing = new List<string>();
        CollectMissing(source, written, "$", missing);
        missing.Should().BeEmpty("the written document must contain everything the source had");
        written.AsObject().First().Key.Should().Be("$schema", "Elsa export files start with $schema");
    }

    [Fact]
    public void Write_should_keep_designer_metadata_and_unknown_properties_at_their_places()
    {
        using var host = new WorkflowTestHost();
        var definition = host.Load(("round-trip.json", Scenario.ReadJson(Area, "round-trip.json")))[0];

        var written = JsonNode.Parse(WorkflowSerializer.Write(definition))!;

        written["x-origin"]!["build"]!.GetValue<int>().Should().Be(1234);
        written["customProperties"]!["acme:reviewer"]!["name"]!.GetValue<string>().Should().Be("Grace");
        written["options"]!["acmeRetention"]!.GetValue<string>().Should().Be("P30D");
        written["variables"]![0]!["x-note"]!.GetValue<string>().Should().Be("kept");
        written["variables"]![0]!["storageDriverTypeName"]!.GetValue<string>().Should().StartWith("Elsa.Workflows.WorkflowInstanceStorageDriver");
        var activities = written["root"]!["activities"]!.AsArray();
        activities[0]!["metadata"]!["designer"]!["position"]!["x"]!.GetValue<double>().Should().Be(-240.5);
        activities[0]!["metadata"]!["designer"]!["size"]!["width"]!.GetValue<double>().Should().Be(101.2);
        activities[1]!["customProperties"]!["acme:color"]!.GetValue<string>().Should().Be("#ff8800");
        activities[1]!["futureSetting"]!["level"]!.GetValue<int>().Should().Be(3);
        written["root"]!["variables"]![0]!["name"]!.GetValue<string>().Should().Be("Local");
        written["root"]!["connections"]![1]!["vertices"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task Legacy_flat_connections_should_run_and_be_written_in_the_current_shape()
    {
        using var host = new WorkflowTestHost();
        var definition = host.Load(("legacy-connections.json", Scenario.ReadJson(Area, "legacy-connections.json")))[0];

        var workflow = await host.RunAsync(definition);
        var connections = JsonNode.Parse(WorkflowSerializer.Write(definition))!["root"]!["connections"]!.AsArray();

        host.Lines.Should().Equal(["one", "two"], "{0}", Scenario.Describe(workflow, host));
        connections.Should().HaveCount(2);
        var first = connections[0]!.AsObject();
        first["source"]!["activity"]!.GetValue<string>().Should().Be("start");
        first["source"]!["port"]!.GetValue<string>().Should().Be("Done");
        first["target"]!["activity"]!.GetValue<string>().Should().Be("w-one");
        first["target"]!["port"]!.GetValue<string>().Should().Be("In");
        first.ContainsKey("sourcePort").Should().BeFalse();
        first.ContainsKey("targetPort").Should().BeFalse();
    }

    [Fact]
    public async Task Inputs_without_a_type_name_should_run_with_the_type_of_the_activity_input_and_be_written_with_it()
    {
        using var host = new WorkflowTestHost();
        var definition = host.Load(("untyped-inputs.json", Scenario.ReadJson(Area, "untyped-inputs.json")))[0];

        var workflow = await host.RunAsync(definition);
        var activities = JsonNode.Parse(WorkflowSerializer.Write(definition))!["root"]!["activities"]!.AsArray();

        host.Lines.Should().Equal(["typeName null", "typeName missing"], "{0}", Scenario.Describe(workflow, host));
        var due = workflow.Bookmarks.Should().ContainSingle().Which.Payload.Should().BeOfType<ResumeAtPayload>().Subject.ResumeAt;
        (due - workflow.CreatedAt).Should().BeCloseTo(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), "the untyped literal is read as the TimeSpan the input declares");
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        activities[0]!["text"]!["typeName"]!.GetValue<string>().Should().Be("String");
        activities[1]!["text"]!["typeName"]!.GetValue<string>().Should().Be("String");
        activities[2]!["timeSpan"]!["typeName"]!.GetValue<string>().Should().Be("TimeSpan");
    }

    private static void CollectMissing(JsonNode? expected, JsonNode? actual, string path, List<string> missing)
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    missing.Add($"{path} (object became {actual?.GetValueKind().ToString() ?? "null"})");
                    return;
                }

                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(name, out var actualValue))
                    {
                        if (value is not null)
                        {
                            missing.Add($"{path}.{name}");
                        }

                        continue;
                    }

                    CollectMissing(value, actualValue, $"{path}.{name}", missing);
                }

                break;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray || actualArray.Count != expectedArray.Count)
                {
                    missing.Add($"{path} (array changed)");
                    return;
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    CollectMissing(expectedArray[i], actualArray[i], $"{path}[{i}]", missing);
                }

                break;
            case null:
                if (actual is not null)
                {
                    missing.Add($"{path} (null became {actual.ToJsonString()})");
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    missing.Add($"{path} ({expected.ToJsonString()} became {actual?.ToJsonString() ?? "missing"})");
                }

                break;
        }
    }
}

using System.Text.Json;
using FluentAssertions;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Abstractions.Descriptors;
using LowCodeErp.Workflows.Core.Activities.Branching;
using LowCodeErp.Workflows.Core.Activities.Containers;
using LowCodeErp.Workflows.Core.Activities.Primitives;
using LowCodeErp.Workflows.Core.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Core.Tests;

/// <summary>Descriptors generated from activity classes have the shape Elsa Studio reads (research doc §4.5).</summary>
public sealed class DescriptorTests
{
    private static readonly JsonSerializerOptions StudioJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    [Fact]
    public void FlowJoin_descriptor_should_match_studio_shape()
    {
        var json = JsonSerializer.SerializeToElement(ActivityDescriber.Describe<FlowJoin>(), StudioJson);

        json.GetProperty("typeName").GetString().Should().Be("Elsa.FlowJoin");
        json.GetProperty("namespace").GetString().Should().Be("Elsa");
        json.GetProperty("name").GetString().Should().Be("FlowJoin");
        json.GetProperty("displayName").GetString().Should().Be("Join");
        json.GetProperty("kind").GetString().Should().Be("Action");
        var mode = json.GetProperty("inputs")[0];
        mode.GetProperty("name").GetString().Should().Be("Mode");
        mode.GetProperty("isWrapped").GetBoolean().Should().BeTrue();
        mode.GetProperty("uiHint").GetString().Should().Be("dropdown");
        mode.GetProperty("defaultValue").GetString().Should().Be("WaitAny");
        mode.GetProperty("uiSpecifications").GetProperty("dropdown").GetProperty("selectList").GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("value").GetString()).Should().BeEquivalentTo("WaitAllActive", "WaitAll", "WaitAny");
        json.TryGetProperty("factory", out _).Should().BeFalse("factories are not part of the wire shape");
        json.TryGetProperty("typeInfo", out _).Should().BeFalse("reflection facts are not part of the wire shape");
    }

    [Fact]
    public void Descriptor_should_declare_flow_ports_from_outcomes_and_embedded_ports_from_children()
    {
        ActivityDescriber.Describe<FlowDecision>().Ports.Select(p => (p.Name, p.Type)).Should().Equal(("True", "Flow"), ("False", "Flow"));
        ActivityDescriber.Describe<If>().Ports.Select(p => (p.Name, p.Type)).Should().Equal(("then", "Embedded"), ("else", "Embedded"));
        ActivityDescriber.Describe<ForEach>().Ports.Should().ContainSingle(p => p.Name == "body" && p.Type == "Embedded");
    }

    [Fact]
    public void Descriptor_should_mark_start_terminal_and_trigger_activities()
    {
        ActivityDescriber.Describe<Start>().IsStart.Should().BeTrue();
        ActivityDescriber.Describe<End>().IsTerminal.Should().BeTrue();
        ActivityDescriber.Describe<Activities.Events.Event>().Kind.Should().Be(ActivityKind.Trigger);
    }

    [Fact]
    public void Descriptor_should_describe_inputs_and_outputs_with_type_aliases()
    {
        var writeLine = ActivityDescriber.Describe<WriteLine>();
        writeLine.Inputs.Should().ContainSingle(i => i.Name == "Text" && i.TypeName == "String" && i.IsWrapped);

        var forEach = ActivityDescriber.Describe<ForEach>();
        forEach.Outputs.Should().ContainSingle(o => o.Name == "CurrentValue" && o.TypeName == "Object");

        var setVariable = ActivityDescriber.Describe<SetVariable>();
        setVariable.Inputs.Should().Contain(i => i.Name == "Variable" && !i.IsWrapped && i.IsRequired);
    }

    [Fact]
    public void Registry_should_hold_every_built_in_once_per_type_and_version()
    {
        using var provider = new ServiceCollection().AddWorkflowEngine().BuildServiceProvider();
        var registry = provider.GetRequiredService<ActivityRegistry>();

        var all = registry.All();
        all.Select(d => (d.TypeName, d.Version)).Should().OnlyHaveUniqueItems();
        all.Select(d => d.TypeName).Should().Contain(
        [
            "Elsa.Start", "Elsa.End", "Elsa.Finish", "Elsa.WriteLine", "Elsa.SetVariable", "Elsa.SetName", "Elsa.Correlate",
            "Elsa.Fault", "Elsa.FlowDecision", "Elsa.FlowSwitch", "Elsa.FlowFork", "Elsa.FlowJoin", "Elsa.If", "Elsa.Switch",
            "Elsa.Sequence", "Elsa.Flowchart", "Elsa.ForEach", "Elsa.For", "Elsa.While", "Elsa.Break", "Elsa.Delay",
            "Elsa.Timer", "Elsa.Event", "Elsa.PublishEvent", "Elsa.RunJavaScript", "Elsa.RunTask", "Elsa.Complete",
            "Elsa.ExecuteWorkflow", "Elsa.DispatchWorkflow", "Elsa.SetOutput",
        ]);
    }
}

using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Core.Tests.Scenarios.Validation;

/// <summary>Every kind of definition error reported by <see cref="DefinitionLoader.Load"/>, with JSON path and activity id.</summary>
public sealed class ValidationScenarioTests
{
    private const string Area = "Validation";

    private static LoadedDefinition LoadOne(WorkflowTestHost host, string file) =>
        host.Loader.Load([(file, Scenario.ReadJson(Area, file))]).Should().ContainSingle().Subject;

    private static DefinitionError ShouldReport(LoadedDefinition loaded, string jsonPath, string? activityId)
    {
        loaded.IsValid.Should().BeFalse();
        return loaded.Errors.Should().ContainSingle(e => e.JsonPath == jsonPath && e.ActivityId == activityId,
            "errors were: {0}", string.Join(" | ", loaded.Errors)).Subject;
    }

    [Fact]
    public void Load_should_report_line_and_position_when_the_json_is_malformed()
    {
        using var host = new WorkflowTestHost();

        var loaded = LoadOne(host, "malformed.json");

        loaded.IsValid.Should().BeFalse();
        loaded.Definition.Should().BeNull();
        var error = loaded.Errors.Should().ContainSingle().Subject;
        error.JsonPath.Should().Be("$");
        error.Message.Should().Contain("line 4").And.Contain("position");
    }

    [Fact]
    public void Load_should_report_an_unknown_activity_type_at_its_type_property()
    {
        using var host = new WorkflowTestHost();

        var loaded = LoadOne(host, "unknown-activity-type.json");

        ShouldReport(loaded, "$.root.activities[1].type", "mystery").Message.Should().Contain("Acme.DoesNotExist");
        loaded.FormatErrors().Should().Contain(e => e.StartsWith("unknown-activity-type.json:$.root.activities[1].type", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_should_report_a_connection_to_a_missing_activity()
    {
        using var host = new WorkflowTestHost();

        var loaded = LoadOne(host, "dangling-connection.json");

        ShouldReport(loaded, "$.root.connections[1].target.activity", "fc-root").Message.Should().Contain("ghost");
    }

    [Fact]
    public void Load_should_report_a_duplicate_activity_id_at_the_second_occurrence()
    {
        using var host = new WorkflowTestHost();

        var loaded = LoadOne(host, "duplicate-id.json");

        ShouldReport(loaded, "$.root.activities[2].id", "dup").Message.Should().Contain("dup");
    }

    [Fact]
    public void Load_should_report_a_SetVariable_of_an_undeclared_variable()
    {
        using var host = new WorkflowTestHost();

        var loaded = LoadOne(host, "unknown-variable-setvariable.json");

        ShouldReport(loaded, "$.root.activities[1].variable", "set-ghost").Message.Should().Contain("Ghost");
    }

    [Fact]
    public void Load_should_report_a_Variable_expression_of_an_undeclared_variable()
    {
        using var host = new WorkflowTestHost();

        var loaded = LoadOne(host, "unknown-variable-expression.json");

        ShouldReport(loaded, "$.root.activities[1].text.expression.value", "w-ghost").Message.Should().Contain("Ghost");
    }

    [Fact]
    public void Load_should_report_an_output_bound_to_an_undeclared_variable()
    {
        using var host = new WorkflowTestHost();

        var loaded = LoadOne(host, "unknown-variable-output.json");

        ShouldReport(loaded, "$.root.activities[1].result.memoryReference.id", "if").Message.Should().Contain("v-ghost");
    }

    [Fact]
    public void Load_should_report_a_flowchart_variable_used_outside_its_flowchart_but_accept_it_inside()
    {
        using var host = new WorkflowTestHost();

        var loaded = LoadOne(host, "variable-out-of-scope.json");

        ShouldReport(loaded, "$.root.activities[2].text.expression.value", "w-outer");
        loaded.Errors.Should().NotContain(e => e.ActivityId == "w-inner", "the inner flowchart declares the variable");
    }

    [Fact]
    public void Load_should_report_CSharp_and_Python_expressions_as_unsupported()
    {
        using var host = new WorkflowTestHost();

        var loaded = LoadOne(host, "unsupported-expressions.json");

        ShouldReport(loaded, "$.root.activities[1].text.expression.type", "w-csharp").Message.Should().Contain("CSharp");
        ShouldReport(loaded, "$.root.activities[2].condition.expression.type", "d-python").Message.Should().Contain("Python");
    }

    [Fact]
    public void Load_should_report_a_missing_required_input()
    {
        using var host = new WorkflowTestHost();

        var loaded = LoadOne(host, "missing-required-input.json");

        ShouldReport(loaded, "$.root.activities[1].eventName", "ev-nameless").Message.Should().Contain("EventName");
    }

    [Theory]
    [InlineData("unknown-activity-type.json", "scn-invalid-type")]
    [InlineData("dangling-connection.json", "scn-invalid-dangling")]
    [InlineData("duplicate-id.json", "scn-invalid-duplicate")]
    [InlineData("unknown-variable-setvariable.json", "scn-invalid-setvar")]
    [InlineData("unsupported-expressions.json", "scn-invalid-expr")]
    [InlineData("missing-required-input.json", "scn-invalid-required")]
    public async Task Load_should_not_store_an_invalid_definition(string file, string definitionId)
    {
        using var host = new WorkflowTestHost();

        LoadOne(host, file).IsValid.Should().BeFalse();

        host.Services.GetRequiredService<InMemoryWorkflowDefinitionStore>().All().Should().NotContain(d => d.DefinitionId == definitionId);
        var provider = host.Services.GetRequiredService<IWorkflowDefinitionProvider>();
        (await provider.FindAsync(definitionId, VersionOptions.Latest, TestContext.Current.CancellationToken)).Should().BeNull();
        var load = () => host.LoadFile(Scenario.PathOf(Area, file));
        load.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task ExecuteWorkflow_should_fault_when_the_child_definition_was_rejected_by_validation()
    {
        using var host = new WorkflowTestHost();
        var loaded = host.Loader.Load(
        [
            ("unknown-activity-type.json", Scenario.ReadJson(Area, "unknown-activity-type.json")),
            ("executes-invalid-child.json", Scenario.ReadJson(Area, "executes-invalid-child.json")),
        ]);
        loaded[0].IsValid.Should().BeFalse();
        var parent = loaded[1].Definition!;
        loaded[1].IsValid.Should().BeTrue("errors: {0}", string.Join(" | ", loaded[1].Errors));

        var workflow = await host.RunAsync(parent);

        workflow.SubStatus.Should().Be(WorkflowSubStatus.Faulted, "{0}", Scenario.Describe(workflow, host));
        workflow.Incidents.Should().ContainSingle().Which.Message.Should().Contain("scn-invalid-type");
        host.Lines.Should().BeEmpty("the invalid child never ran and the parent stopped at the fault");
    }
}

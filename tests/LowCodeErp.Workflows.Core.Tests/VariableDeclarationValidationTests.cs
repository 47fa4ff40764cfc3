using FluentAssertions;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests;

/// <summary>Variables are reached by name from scripts, so a scope may not declare a name twice.</summary>
public sealed class VariableDeclarationValidationTests
{
    [Fact]
    public void Loader_should_report_duplicate_variable_names_of_the_workflow_with_their_path()
    {
        using var host = new WorkflowTestHost();
        const string json = """
            {"definitionId":"d","variables":[{"id":"a","name":"X","typeName":"Int32"},{"id":"b","name":"X","typeName":"Int32"}],
             "root":{"id":"f","type":"Elsa.Flowchart","activities":[]}}
            """;

        var loaded = host.Loader.Load([("dup.json", json)]).Single();

        loaded.FormatErrors().Should().Equal("dup.json:$.variables[1].name: duplicate variable name 'X'");
        loaded.IsValid.Should().BeFalse();
    }

    [Fact]
    public void Loader_should_report_duplicate_variable_ids_of_a_container_with_the_activity()
    {
        using var host = new WorkflowTestHost();
        const string json = """
            {"definitionId":"d","root":{"id":"f","type":"Elsa.Flowchart","activities":[],
             "variables":[{"id":"a","name":"X"},{"id":"a","name":"Y"}]}}
            """;

        var loaded = host.Loader.Load([("dup.json", json)]).Single();

        loaded.FormatErrors().Should().Equal("dup.json:$.root.variables[1].id: duplicate variable id 'a' (activity f)");
    }
}

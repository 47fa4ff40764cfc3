using FluentAssertions;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;

namespace LowCodeErp.Workflows.Runtime.Tests.Infrastructure;

/// <summary>Definition documents for tests, with unique ids so tests can share a PostgreSQL database.</summary>
internal static class Flows
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>Writes <paramref name="greeting"/>, waits for the event <paramref name="eventName"/>, writes "done".</summary>
    public static string EventFlowJson(string definitionId, string greeting = "waiting", string eventName = "Go") => $$"""
        {
          "id": "{{definitionId}}-file", "definitionId": "{{definitionId}}", "name": "Event flow", "version": 1,
          "root": {
            "id": "fc", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "start", "type": "Elsa.Start" },
              { "id": "hello", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "{{greeting}}" } } },
              { "id": "wait", "type": "Elsa.Event", "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "{{eventName}}" } } },
              { "id": "done", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "done" } } }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "hello", "port": "In" } },
              { "source": { "activity": "hello", "port": "Done" }, "target": { "activity": "wait", "port": "In" } },
              { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "done", "port": "In" } }
            ]
          }
        }
        """;

    /// <summary>Saves <paramref name="json"/> as a draft and publishes it; publishing must report no errors.</summary>
    public static async Task<WorkflowDefinition> PublishAsync(RuntimeHost host, string json)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var draft = await host.Definitions.SaveDraftAsync(Read(host, json), cancellationToken);
        var result = await host.Definitions.PublishAsync(draft.DefinitionId, cancellationToken);
        result.Errors.Should().BeEmpty();
        return result.Definition!;
    }

    /// <summary>Reads a document (the serializer needs the host's activity registry).</summary>
    public static WorkflowDefinition Read(RuntimeHost host, string json)
    {
        var read = ((WorkflowSerializer)host.Services.GetService(typeof(WorkflowSerializer))!).Read(json);
        return read.IsValid ? read.Definition! : throw new InvalidOperationException(string.Join("; ", read.Errors));
    }
}

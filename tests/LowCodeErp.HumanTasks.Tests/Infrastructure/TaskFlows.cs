namespace LowCodeErp.HumanTasks.Tests.Infrastructure;

/// <summary>Small definitions for the tests, and the lease sample from workflows/.</summary>
internal static class TaskFlows
{
    public static string LeaseApproval => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Flows", "lease-approval.json"));

    /// <summary>start → task (extra JSON properties) → port Done|Escalated → a WriteLine per port.</summary>
    public static string SingleTask(string definitionId, string taskProperties) => $$"""
        {
          "id": "{{definitionId}}-v1", "definitionId": "{{definitionId}}", "name": "{{definitionId}}", "version": 1,
          "root": { "id": "fc", "type": "Elsa.Flowchart", "activities": [
              { "id": "start", "type": "Elsa.Start" },
              { "id": "task", "type": "Erp.HumanTask", {{taskProperties}} },
              { "id": "after-done", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "done" } } },
              { "id": "after-escalated", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "escalated" } } }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "task", "port": "In" } },
              { "source": { "activity": "task", "port": "Done" }, "target": { "activity": "after-done", "port": "In" } },
              { "source": { "activity": "task", "port": "Escalated" }, "target": { "activity": "after-escalated", "port": "In" } }
            ] }
        }
        """;

    public static string Literal(string typeName, string value) =>
        $$"""{ "typeName": "{{typeName}}", "expression": { "type": "Literal", "value": "{{value}}" } }""";
}

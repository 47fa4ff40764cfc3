namespace LowCodeErp.Workflows.Runtime.Tests.Infrastructure;

/// <summary>Small flowcharts for the runtime tests: activities run in the order given (each connected to the next).</summary>
internal static class RuntimeFlows
{
    public static string Chart(string definitionId, params string[] activities)
    {
        var ids = activities.Select(a => System.Text.Json.JsonDocument.Parse(a).RootElement.GetProperty("id").GetString()!).ToList();
        var connections = ids.Zip(ids.Skip(1), (a, b) =>
            $$"""{ "source": { "activity": "{{a}}", "port": "Done" }, "target": { "activity": "{{b}}", "port": "In" } }""");
        return $$"""
            {
              "id": "{{definitionId}}-v", "definitionId": "{{definitionId}}", "name": "{{definitionId}}", "version": 1,
              "root": { "id": "fc", "type": "Elsa.Flowchart", "activities": [ {{string.Join(",\n", activities)}} ],
                        "connections": [ {{string.Join(",\n", connections)}} ] }
            }
            """;
    }

    private static string Literal(string typeName, string value) =>
        $$"""{ "typeName": "{{typeName}}", "expression": { "type": "Literal", "value": "{{value}}" } }""";

    public static string Start(string id = "start") => $$"""{ "id": "{{id}}", "type": "Elsa.Start" }""";

    public static string WriteLine(string id, string text) => $$"""{ "id": "{{id}}", "type": "Elsa.WriteLine", "text": {{Literal("String", text)}} }""";

    public static string Event(string id, string name, bool trigger = false) =>
        $$"""{ "id": "{{id}}", "type": "Elsa.Event", "eventName": {{Literal("String", name)}}, "customProperties": { "canStartWorkflow": {{(trigger ? "true" : "false")}} } }""";

    public static string PublishEvent(string id, string name) =>
        $$"""{ "id": "{{id}}", "type": "Elsa.PublishEvent", "eventName": {{Literal("String", name)}} }""";

    public static string Delay(string id, string timeSpan) => $$"""{ "id": "{{id}}", "type": "Elsa.Delay", "timeSpan": {{Literal("TimeSpan", timeSpan)}} }""";

    public static string Timer(string id, string interval) =>
        $$"""{ "id": "{{id}}", "type": "Elsa.Timer", "interval": {{Literal("TimeSpan", interval)}}, "customProperties": { "canStartWorkflow": true } }""";

    /// <summary>Faults unless the workflow input <c>Ok</c> is true: a fault an operator can fix by correcting the input.</summary>
    public static string FailUnlessOk(string id) =>
        $$"""{ "id": "{{id}}", "type": "Elsa.RunJavaScript", "script": { "typeName": "String", "expression": { "type": "Literal", "value": "if (!getInput('Ok')) { throw new Error('input Ok missing'); } return 1;" } } }""";
}

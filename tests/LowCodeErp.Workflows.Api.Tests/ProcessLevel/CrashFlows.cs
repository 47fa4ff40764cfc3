namespace LowCodeErp.Workflows.Api.Tests.ProcessLevel;

/// <summary>The flows the crash tests put in the server's <c>workflows/</c> folder (activities run in the order given).</summary>
internal static class CrashFlows
{
    public const string Waiting = "crash-wait";
    public const string Busy = "crash-busy";
    public const string Delayed = "crash-delay";
    public const int BusySteps = 24;

    // Each step spins on the wall clock for 250 ms, so the 24 steps keep one burst busy for 6 s however fast the machine
    // is: the test sees the instance Executing and kills the process long before it could finish. A step stays far
    // under the evaluator's 2 s (wall-clock) limit: it ends as soon as it runs again after 250 ms, however long it was
    // descheduled. One statement per iteration, capped at 500k: half the 1M statement cap, even on a machine fast
    // enough to reach it within 250 ms (this one does ~100k-250k). (The dispatch saves the instance as Executing before
    // its burst starts, so a kill before the burst is the same test.)
    private const string BusyScript = "const end = Date.now() + 250; let n = 0; while (n < 500000 && Date.now() < end) { n++; } return n;";

    /// <summary>Writes every flow into <paramref name="folder"/>.</summary>
    public static void WriteAll(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Waiting + ".json"), Chart(Waiting, Start(), Event("wait", "Go"), WriteLine("after", "resumed")));
        File.WriteAllText(Path.Combine(folder, Busy + ".json"), Chart(Busy,
            [Start(), .. Enumerable.Range(1, BusySteps).Select(i => Script($"busy{i}", BusyScript)), WriteLine("after", "busy done")]));
        File.WriteAllText(Path.Combine(folder, Delayed + ".json"), Chart(Delayed, Start(), Delay("delay", "00:00:02"), WriteLine("after", "delay done")));
    }

    private static string Chart(string definitionId, params string[] activities)
    {
        var ids = activities.Select(a => System.Text.Json.JsonDocument.Parse(a).RootElement.GetProperty("id").GetString()!).ToList();
        var connections = ids.Zip(ids.Skip(1), (a, b) =>
            $$"""{ "source": { "activity": "{{a}}", "port": "Done" }, "target": { "activity": "{{b}}", "port": "In" } }""");
        return $$"""
            {
              "id": "{{definitionId}}-v1", "definitionId": "{{definitionId}}", "name": "{{definitionId}}", "version": 1, "isPublished": true,
              "root": { "id": "fc", "type": "Elsa.Flowchart", "version": 1, "activities": [ {{string.Join(",\n", activities)}} ],
                        "connections": [ {{string.Join(",\n", connections)}} ] }
            }
            """;
    }

    private static string Literal(string typeName, string value) =>
        $$"""{ "typeName": "{{typeName}}", "expression": { "type": "Literal", "value": "{{value}}" } }""";

    private static string Start() => """{ "id": "start", "type": "Elsa.Start", "version": 1 }""";

    private static string WriteLine(string id, string text) => $$"""{ "id": "{{id}}", "type": "Elsa.WriteLine", "version": 1, "text": {{Literal("String", text)}} }""";

    private static string Event(string id, string name) => $$"""{ "id": "{{id}}", "type": "Elsa.Event", "version": 1, "eventName": {{Literal("String", name)}} }""";

    private static string Delay(string id, string timeSpan) => $$"""{ "id": "{{id}}", "type": "Elsa.Delay", "version": 1, "timeSpan": {{Literal("TimeSpan", timeSpan)}} }""";

    private static string Script(string id, string script) =>
        $$"""{ "id": "{{id}}", "type": "Elsa.RunJavaScript", "version": 1, "script": {{Literal("String", script)}} }""";
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LowCodeErp.Workflows.Api.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Api.Tests.StudioRoutes;

/// <summary>
/// A server with a published definition that has a variable and waits on an Event, and one instance of it waiting there.
/// Placeholders in a route are replaced by ids of it; the <c>fresh-…</c> ones create a new resource on every use, so a
/// destructive route never removes what another row reads.
/// </summary>
public sealed class StudioScenario : IAsyncLifetime
{
    public const string DefinitionId = "studio-shapes";

    public ServerFactory Server { get; } = new();

    public string VersionId { get; private set; } = "";

    public string InstanceId { get; private set; } = "";

    public string ExecutionId { get; private set; } = "";

    public static JsonObject Model(string definitionId) => JsonNode.Parse($$"""
        {
          "definitionId": "{{definitionId}}", "name": "{{definitionId}}", "version": 1,
          "variables": [ { "id": "v-amount", "name": "Amount", "typeName": "Int32", "isArray": false, "value": "5" } ],
          "root": { "id": "fc", "type": "Elsa.Flowchart", "version": 1, "activities": [
              { "id": "start", "type": "Elsa.Start", "version": 1 },
              { "id": "wait", "type": "Elsa.Event", "version": 1, "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "Go" } } },
              { "id": "done", "type": "Elsa.WriteLine", "version": 1, "text": { "typeName": "String", "expression": { "type": "Literal", "value": "done" } } } ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wait", "port": "In" } },
              { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "done", "port": "In" } } ] }
        }
        """)!.AsObject();

    public async ValueTask InitializeAsync()
    {
        VersionId = (string)(await SaveAsync(DefinitionId, publish: true))["workflowDefinition"]!["id"]!;
        InstanceId = await ExecuteAsync(DefinitionId);
        var summaries = await Server.GetJsonAsync($"/elsa/api/activity-execution-summaries/list?workflowInstanceId={InstanceId}");
        ExecutionId = (string)summaries["items"]!.AsArray().First(i => (string)i!["activityId"]! == "wait")!["id"]!;
    }

    /// <summary>Replaces the placeholders of <paramref name="template"/>.</summary>
    public async Task<string> ResolveAsync(string template)
    {
        var text = template.Replace("{def}", DefinitionId, StringComparison.Ordinal).Replace("{version}", VersionId, StringComparison.Ordinal)
            .Replace("{instance}", InstanceId, StringComparison.Ordinal).Replace("{execution}", ExecutionId, StringComparison.Ordinal);
        while (text.Contains("{fresh-def}", StringComparison.Ordinal))
        {
            var id = "fresh-" + Guid.NewGuid().ToString("N")[..8];
            await SaveAsync(id, publish: true);
            text = ReplaceFirst(text, "{fresh-def}", id);
        }

        while (text.Contains("{fresh-draft-version}", StringComparison.Ordinal))
        {
            var id = "draft-" + Guid.NewGuid().ToString("N")[..8];
            await SaveAsync(id, publish: true);
            text = ReplaceFirst(text, "{fresh-draft-version}", (string)(await SaveAsync(id, publish: false))["workflowDefinition"]!["id"]!);
        }

        while (text.Contains("{fresh-instance}", StringComparison.Ordinal))
        {
            text = ReplaceFirst(text, "{fresh-instance}", await ExecuteAsync(DefinitionId));
        }

        return text;
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    private async Task<JsonNode> SaveAsync(string definitionId, bool publish)
    {
        var response = await Server.CreateClient().PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = Model(definitionId), publish });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    private async Task<string> ExecuteAsync(string definitionId)
    {
        var response = await Server.CreateClient().PostAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", null);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    private static string ReplaceFirst(string text, string placeholder, string value)
    {
        var at = text.IndexOf(placeholder, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), value, text.AsSpan(at + placeholder.Length));
    }
}

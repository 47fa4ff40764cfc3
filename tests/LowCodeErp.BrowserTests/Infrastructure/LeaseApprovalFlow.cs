using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LowCodeErp.BrowserTests.Infrastructure;

/// <summary>
/// workflows/human-tasks/lease-approval.json driven through <c>/elsa/api</c> as the inbox tests need it: sales starts an
/// application, and the instance's engine state is read back (which activity it waits on).
/// </summary>
internal static class LeaseApprovalFlow
{
    /// <summary>A fresh application number, so every test finds its own tasks.</summary>
    public static string NewApplicationNo() => "APP-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    /// <summary>Sales starts the flow for <paramref name="applicationNo"/>; returns the instance id.</summary>
    public static async Task<string> StartAsync(StudioServer server, string applicationNo, string initiator)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync("sales"));
        using var response = await client.PostAsJsonAsync(new Uri("/elsa/api/workflow-definitions/lease-approval/execute", UriKind.Relative), new
        {
            correlationId = applicationNo,
            input = new { ApplicationNo = applicationNo, Lessee = "Muster GmbH", Amount = 125000, Initiator = initiator },
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonNode>();
        return body!["workflowState"]!["id"]!.ToString();
    }

    /// <summary>Polls the instance (generously: two busy cores) until <paramref name="done"/> holds or time runs out.</summary>
    public static async Task<JsonNode> WaitForInstanceAsync(StudioServer server, string instanceId, Func<JsonNode, bool> done)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync("admin"));
        var deadline = DateTime.UtcNow + StudioBrowser.Timeout;
        while (true)
        {
            var instance = (await client.GetFromJsonAsync<JsonNode>(new Uri($"/elsa/api/workflow-instances/{instanceId}", UriKind.Relative)))!;
            if (done(instance) || DateTime.UtcNow > deadline)
            {
                return instance;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Whether the instance waits on <paramref name="activityId"/>.</summary>
    public static bool Bookmarked(JsonNode instance, string activityId) =>
        (instance["workflowState"]?["bookmarks"] as JsonArray ?? []).Any(b => b?["activityId"]?.ToString() == activityId);
}

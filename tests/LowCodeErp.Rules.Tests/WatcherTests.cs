using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.Rules.Tests.Infrastructure;

namespace LowCodeErp.Rules.Tests;

/// <summary>Changing a threshold in rules/x.json while the server runs changes the next decision without a restart.</summary>
public sealed class WatcherTests : IAsyncLifetime
{
    private readonly RulesServerFactory _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task ChangingAThresholdInTheFile_Should_ChangeTheNextDecision_AndThePreviewShowsIt()
    {
        var client = _server.Client();
        var lease = new { lease = new { amount = 55000, termMonths = 36 }, applicant = new { band = "Prime" } };
        var before = await RulesServerFactory.EvaluateAsync(client, "ApprovalLimits", lease);
        before["successEvents"]!.AsArray().Select(e => e!.ToString()).Should().Equal("Underwriter");
        // More real traffic that the threshold change does not affect: the preview must tell them apart.
        await RulesServerFactory.EvaluateAsync(client, "ApprovalLimits", new { lease = new { amount = 30000, termMonths = 36 }, applicant = new { band = "Prime" } });
        await RulesServerFactory.EvaluateAsync(client, "ApprovalLimits", new { lease = new { amount = 300000, termMonths = 36 }, applicant = new { band = "Prime" } });

        var file = Path.Combine(_server.RulesFolder, "approval-limits.json");
        var raised = File.ReadAllText(file).Replace("lease.amount <= 50000 &&", "lease.amount <= 60000 &&", StringComparison.Ordinal)
            .Replace("(lease.amount > 50000 && lease.amount <= 250000)", "(lease.amount > 60000 && lease.amount <= 250000)", StringComparison.Ordinal);

        // Before the file changes: the same threshold as a draft, previewed against the recorded decisions.
        var draft = await client.PutAsJsonAsync("/api/rules/ApprovalLimits/draft", new { content = JsonNode.Parse(raised) }, Ct);
        draft.EnsureSuccessStatusCode();
        var draftVersion = (await draft.Content.ReadFromJsonAsync<JsonNode>(Ct))!["version"]!.GetValue<int>();
        var preview = (await (await client.PostAsJsonAsync($"/api/rules/ApprovalLimits/versions/{draftVersion}/preview", new { limit = 50 }, Ct))
            .Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        preview["evaluated"]!.GetValue<int>().Should().Be(3);
        preview["changed"]!.GetValue<int>().Should().Be(1, "only the 55,000 lease moves from the underwriter to automatic approval");
        preview["transitions"]!["Underwriter → AutoApprove"]!.GetValue<int>().Should().Be(1);
        var first = preview["examples"]!.AsArray()[0]!;
        first["inputs"]!["lease"]!["amount"]!.GetValue<decimal>().Should().Be(55000, "the changed decisions come first");
        first["after"]!["successEvents"]!.AsArray().Select(e => e!.ToString()).Should().Equal("AutoApprove");

        // Now the file: the running server's watcher publishes it, and the next decision changes without a restart.
        await File.WriteAllTextAsync(file, raised, Ct);
        JsonNode after = before;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            after = await RulesServerFactory.EvaluateAsync(client, "ApprovalLimits", lease);
            if (after["version"]!.GetValue<int>() != before["version"]!.GetValue<int>())
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        after["version"]!.GetValue<int>().Should().Be(draftVersion, "the watcher published the edited file (over the draft)");
        after["successEvents"]!.AsArray().Select(e => e!.ToString()).Should().Equal("AutoApprove");
        var versions = (await client.GetFromJsonAsync<JsonNode>("/api/rules/ApprovalLimits", Ct))!["versions"]!.AsArray();
        versions.Select(v => v!["state"]!.ToString()).Should().Equal("Published", "Retired");
    }
}

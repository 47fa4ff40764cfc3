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

        var file = Path.Combine(_server.RulesFolder, "approval-limits.json");
        var raised = File.ReadAllText(file).Replace("lease.amount <= 50000 &&", "lease.amount <= 60000 &&", StringComparison.Ordinal)
            .Replace("(lease.amount > 50000 && lease.amount <= 250000)", "(lease.amount > 60000 && lease.amount <= 250000)", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, raised, Ct);

        JsonNode after = before;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            after = await RulesServerFactory.EvaluateAsync(client, "ApprovalLimits", lease);
            if (after["version"]!.GetValue<int>() != before["version"]!.GetValue<int>())
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        after["version"]!.GetValue<int>().Should().Be(before["version"]!.GetValue<int>() + 1, "the watcher published the edited file");
        after["successEvents"]!.AsArray().Select(e => e!.ToString()).Should().Equal("AutoApprove");
        var versions = (await client.GetFromJsonAsync<JsonNode>("/api/rules/ApprovalLimits", Ct))!["versions"]!.AsArray();
        versions.Select(v => v!["state"]!.ToString()).Should().Equal("Published", "Retired");
    }
}

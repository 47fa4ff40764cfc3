using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Data.Sqlite;

namespace LowCodeErp.Workflows.Api.Tests.ProcessLevel;

/// <summary>
/// The real server process killed with SIGKILL while instances wait on bookmarks and while one is mid-run, then started
/// again on the same database: nothing is lost, nothing duplicated, everything finishes exactly once.
/// </summary>
public sealed class ServerCrashTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "erp-crash-" + Guid.NewGuid().ToString("N")[..10]);

    public ServerCrashTests() => CrashFlows.WriteAll(Path.Combine(_root, "workflows"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KilledServer_Should_LoseNoInstance_And_FinishEachExactlyOnce_AfterRestart()
    {
        List<string> waiting = [];
        // Busy instances that finished before the test saw them run (its process descheduled for the whole run on a
        // loaded machine): not what is tested, but still listed, and still checked to have run exactly once.
        List<string> finishedBeforeTheKill = [];
        var busy = "";
        using (var first = await ServerProcess.StartAsync(_root, Ct))
        {
            for (var i = 0; i < 5; i++)
            {
                waiting.Add(await ExecuteAsync(first.Client, CrashFlows.Waiting, $"order-{i}"));
            }

            string? observed = null;
            for (var attempt = 0; attempt == 0 || (observed == "Finished" && attempt < 5); attempt++)
            {
                if (attempt > 0)
                {
                    finishedBeforeTheKill.Add(busy);
                }

                var dispatched = await first.Client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{CrashFlows.Busy}/dispatch", new { correlationId = $"busy-{attempt}" }, Ct);
                dispatched.EnsureSuccessStatusCode();
                busy = (string)(await dispatched.Content.ReadFromJsonAsync<JsonNode>(Ct))!["workflowInstanceId"]!;
                observed = await WaitForSubStatusAsync(first.Client, busy, s => s is "Executing" or "Finished");
            }

            observed.Should().Be("Executing", "the busy flow must still run when the process is killed");
            first.Kill();
        }

        using var second = await ServerProcess.StartAsync(_root, Ct);
        var listed = await ListAsync(second.Client);
        listed.Should().OnlyHaveUniqueItems().And.Contain([.. waiting, .. finishedBeforeTheKill, busy])
            .And.HaveCount(waiting.Count + finishedBeforeTheKill.Count + 1, second.Output);
        (await WaitForSubStatusAsync(second.Client, busy, s => s == "Finished")).Should().Be("Finished", second.Output);
        foreach (var instance in (string[])[busy, .. finishedBeforeTheKill])
        {
            (await GetAsync(second.Client, $"/elsa/api/workflow-instances/{instance}"))["subStatus"]!.ToString().Should().Be("Finished");
            (await CompletedCountAsync(second.Client, instance, "after")).Should().Be(1);
            for (var i = 1; i <= CrashFlows.BusySteps; i++)
            {
                (await CompletedCountAsync(second.Client, instance, $"busy{i}")).Should().Be(1, $"busy{i} of {instance} ran once");
            }
        }

        for (var i = 0; i < waiting.Count; i++)
        {
            (await GetAsync(second.Client, $"/elsa/api/workflow-instances/{waiting[i]}"))["subStatus"]!.ToString().Should().Be("Suspended");
            var resumed = await TriggerAsync(second.Client, $"order-{i}");
            resumed.Should().Equal(waiting[i]);
            (await TriggerAsync(second.Client, $"order-{i}")).Should().BeEmpty("the bookmark was consumed");
            (await GetAsync(second.Client, $"/elsa/api/workflow-instances/{waiting[i]}"))["subStatus"]!.ToString().Should().Be("Finished");
            (await CompletedCountAsync(second.Client, waiting[i], "after")).Should().Be(1);
        }

        (await ListAsync(second.Client)).Should().HaveCount(waiting.Count + finishedBeforeTheKill.Count + 1, "resuming starts no new instance");
    }

    [Fact]
    public async Task FlowWithDelay_Should_SurviveAServerRestart_And_CompleteAfterTheDueTime()
    {
        string instanceId;
        var started = Stopwatch.StartNew();
        using (var first = await ServerProcess.StartAsync(_root, Ct))
        {
            instanceId = await ExecuteAsync(first.Client, CrashFlows.Delayed, "delay");
            started.Restart();
            first.Kill();
        }

        using var second = await ServerProcess.StartAsync(_root, Ct);
        (await WaitForSubStatusAsync(second.Client, instanceId, s => s == "Finished")).Should().Be("Finished", second.Output);
        started.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.5));
        var instance = await GetAsync(second.Client, $"/elsa/api/workflow-instances/{instanceId}");
        (DateTimeOffset.Parse((string)instance["finishedAt"]!, System.Globalization.CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse((string)instance["createdAt"]!, System.Globalization.CultureInfo.InvariantCulture)).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        (await CompletedCountAsync(second.Client, instanceId, "after")).Should().Be(1);
        (await ListAsync(second.Client)).Should().Equal(instanceId);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static async Task<string> ExecuteAsync(HttpClient client, string definitionId, string correlationId)
    {
        var response = await client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new { correlationId }, Ct);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    private static async Task<IReadOnlyList<string>> TriggerAsync(HttpClient client, string correlationId)
    {
        var response = await client.PostAsJsonAsync("/elsa/api/events/Go/trigger", new { correlationId }, Ct);
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["workflowInstanceIds"]!.AsArray().Select(n => (string)n!)];
    }

    private static async Task<IReadOnlyList<string>> ListAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/elsa/api/workflow-instances", new { page = 0, pageSize = 100 }, Ct);
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["items"]!.AsArray().Select(i => (string)i!["id"]!)];
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string path) => (await client.GetFromJsonAsync<JsonNode>(path, Ct))!;

    private static async Task<int> CompletedCountAsync(HttpClient client, string instanceId, string activityId) =>
        (await GetAsync(client, $"/elsa/api/workflow-instances/{instanceId}/journal"))["items"]!.AsArray()
        .Count(e => (string)e!["activityId"]! == activityId && (string)e["eventName"]! == "Completed");

    /// <summary>Polls the instance until <paramref name="done"/> holds for its sub-status (or 2 minutes pass); returns the last one.</summary>
    private static async Task<string?> WaitForSubStatusAsync(HttpClient client, string instanceId, Func<string, bool> done)
    {
        string? subStatus = null;
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromMinutes(2); await Task.Delay(20, Ct))
        {
            using var response = await client.GetAsync($"/elsa/api/workflow-instances/{instanceId}/execution-state", Ct);
            if (response.IsSuccessStatusCode)
            {
                subStatus = (string?)(await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["subStatus"];
                if (subStatus is not null && done(subStatus))
                {
                    return subStatus;
                }
            }
        }

        return subStatus;
    }
}

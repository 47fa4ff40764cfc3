using FluentAssertions;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace LowCodeErp.Rules.Tests;

/// <summary>
/// The distributed shape: two replicas on one database, each with its compiled cache. A publish or retract on one
/// replica must change the other's next evaluation through the bus (the reconcile interval is an hour in these tests),
/// and a replica that missed a notification must catch up through reconciliation.
/// </summary>
public sealed class DistributedCacheTests : IDisposable
{
    private readonly string _folder = Paths.NewTempFolder("erp-rules-replicas");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_folder, "rules.db");

    [Fact]
    public async Task InMemoryBus_PublishOnOneReplica_Should_ChangeTheOthersNextEvaluation()
    {
        await using var a = await ReplicaHost.StartAsync(Database);
        await using var b = await ReplicaHost.StartAsync(Database, sharedBus: a.Bus);

        await PublishOnA_Should_ReachB(a, b);
    }

    [Fact]
    public async Task RabbitMq_PublishOnOneReplica_Should_ChangeTheOthersNextEvaluation()
    {
        var broker = RabbitMqRequirement.ConnectionString();
        await using var a = await ReplicaHost.StartAsync(Database, broker);
        await using var b = await ReplicaHost.StartAsync(Database, broker);

        await PublishOnA_Should_ReachB(a, b);
    }

    [Fact]
    public async Task AReplicaThatMissedTheNotification_Should_CatchUpByReconciling()
    {
        await using var b = await ReplicaHost.StartAsync(Database, reconcileInterval: TimeSpan.FromMilliseconds(200));
        // A writer on its own bus: B's queue never sees its notifications, as after a broker outage.
        await using var a = await ReplicaHost.StartAsync(Database);
        await a.Store.SaveDraftAsync("Limit", VersioningTests.Limit(100), null, Ct);
        await a.Store.PublishAsync("Limit", cancellationToken: Ct);
        await Eventually.TrueAsync(async () => await DecisionAsync(b, 150) == "(refused)", "B evaluates v1 after reconciling");

        await a.Store.SaveDraftAsync("Limit", VersioningTests.Limit(200), null, Ct);
        await a.Store.PublishAsync("Limit", cancellationToken: Ct);

        // RefreshAsync switches to the new version before it evicts the old one: wait for both, then check them.
        await Eventually.TrueAsync(async () => await DecisionAsync(b, 150) == "Approve" && !b.Cache.Contains("Limit", 1),
            "B reconciled to v2 and evicted v1");
        b.Cache.Contains("Limit", 1).Should().BeFalse("the old version was evicted");
    }

    private static async Task PublishOnA_Should_ReachB(ReplicaHost a, ReplicaHost b)
    {
        (await b.Subscribed).Should().NotBe(await a.Subscribed, "each replica has its own queue (fan-out, not competing consumers)");
        await a.Store.SaveDraftAsync("Limit", VersioningTests.Limit(100), null, Ct);
        await a.Store.PublishAsync("Limit", cancellationToken: Ct);
        await Eventually.TrueAsync(async () => await DecisionAsync(b, 150) == "(refused)", "B evaluates v1");
        b.Cache.Contains("Limit", 1).Should().BeTrue("B compiled and cached v1");

        await a.Store.SaveDraftAsync("Limit", VersioningTests.Limit(200), null, Ct);
        await a.Store.PublishAsync("Limit", cancellationToken: Ct);

        (await DecisionAsync(a, 150)).Should().Be("Approve", "the publishing replica switches before Publish returns");
        // RefreshAsync switches to v2 before it evicts v1: wait for both, so the eviction check does not race the refresh.
        await Eventually.TrueAsync(async () => await DecisionAsync(b, 150) == "Approve" && !b.Cache.Contains("Limit", 1),
            "B's next evaluation uses v2 and v1 is evicted");
        b.Cache.Contains("Limit", 2).Should().BeTrue("B warmed v2 when the notification arrived");
        b.Cache.Contains("Limit", 1).Should().BeFalse("B evicted v1");

        await a.Store.RetractAsync("Limit", Ct);
        await Eventually.TrueAsync(async () => await DecisionAsync(b, 150) == "(not published)", "B stops evaluating the retracted rule set");
    }

    /// <summary>The SuccessEvent B decides for a lease amount, "(refused)" for none, "(not published)" when there is nothing to evaluate.</summary>
    private static async Task<string> DecisionAsync(ReplicaHost replica, int amount)
    {
        try
        {
            var evaluation = await replica.Evaluator.EvaluateAsync("Limit", null, [new("lease", new { amount })], Ct);
            return evaluation.SuccessEvents.Count == 0 ? "(refused)" : string.Join("+", evaluation.SuccessEvents);
        }
        catch (RuleSetNotFoundException)
        {
            return "(not published)";
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Paths.TryDelete(_folder);
    }
}

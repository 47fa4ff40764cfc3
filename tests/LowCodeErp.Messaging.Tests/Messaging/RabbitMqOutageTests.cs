using FluentAssertions;
using LowCodeErp.Messaging.Inbox;
using LowCodeErp.Messaging.Outbox;
using LowCodeErp.Messaging.Tests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Messaging.Tests.Messaging;

/// <summary>
/// Against a real RabbitMQ 3.10 node of its own (started with scripts/services-up.sh), which the test stops and restarts:
/// events committed before, during and after the outage all arrive, each exactly once.
/// </summary>
[Collection(nameof(RabbitMqOutageCollection))]
public sealed class RabbitMqOutageTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_event_arrives_exactly_once_across_a_broker_outage()
    {
        await using var broker = await RabbitMqBroker.StartPrivateAsync();
        await using var host = await BusHost.StartAsync(database.NewDatabase(), x => x.AddConsumer<LeaseCommencedConsumer>(),
            new Dictionary<string, string?>
            {
                ["Messaging:Transport"] = "RabbitMq",
                ["ConnectionStrings:RabbitMq"] = broker.ConnectionString,
                ["Messaging:EndpointPrefix"] = "outage-" + Guid.NewGuid().ToString("N")[..8], // a fresh queue per run
                ["Messaging:Outbox:PublishTimeout"] = "00:00:05",
                ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
            });
        Log("host started");

        // The hosted bus starts in the background. Until the receive endpoint has bound its queue, the broker confirms
        // and drops what is published to the exchange: on a busy machine that lost the first events of this test.
        var bus = host.Services.GetRequiredService<IBusControl>();
        await Eventually.TrueAsync(() => Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Healthy),
            "the bus and its receive endpoint are ready", TimeSpan.FromMinutes(2));
        Log("bus healthy");
        var before = await CommitAsync(host, 1, 10);
        await WaitReceivedAsync(host, before.Count);
        Log("10 received before the outage");

        var during = new List<Guid>();
        try
        {
            await broker.StopAsync();
            Log("broker stopped");
            during.AddRange(await CommitAsync(host, 11, 10)); // commits succeed: the events wait in the outbox
            await Eventually.TrueAsync(
                () => host.WithDbAsync(async (db, _) => await db.Set<OutboxMessage>().AnyAsync(m => m.Attempts > 0, Cancel)),
                "the relay has tried and failed to publish while the broker is down", TimeSpan.FromMinutes(2));
            Log("publish failures recorded");
        }
        finally
        {
            await broker.StartAsync(); // never leave the broker down for the tests after this one
            Log("broker started");
        }

        var after = await CommitAsync(host, 21, 10);
        var all = before.Concat(during).Concat(after).ToList();
        await WaitReceivedAsync(host, all.Count);
        Log("all 30 received");
        await Eventually.TrueAsync(
            () => host.WithDbAsync(async (db, _) => !await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null, Cancel)),
            "every outbox row is marked sent", TimeSpan.FromMinutes(5));

        // A redelivery of an already processed message (what a lost ack causes) is acknowledged but not processed again.
        await RepublishAsync(host, before[0]);
        await Eventually.TrueAsync(() => Task.FromResult(host.Consumed.Count(id => id == before[0]) >= 2), "the duplicate was delivered");

        await host.WithDbAsync(async (db, _) =>
        {
            var received = await db.ReceivedEvents.Select(r => r.EventId).ToListAsync(Cancel);
            received.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(all);
            (await db.Set<InboxMessage>().CountAsync(Cancel)).Should().Be(all.Count);
            return true;
        });
    }

    private static void Log(string phase) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {phase}");

    private static async Task<List<Guid>> CommitAsync(BusHost host, int first, int count)
    {
        var ids = new List<Guid>();
        foreach (var lease in Enumerable.Range(first, count).Select(Events.Lease))
        {
            await host.WithDbAsync(async (db, sp) =>
            {
                db.Notes.Add(new Note { Text = lease.ContractNumber }); // the change the event belongs to
                sp.GetRequiredService<IEventOutbox>().Add(lease);
                return await db.SaveChangesAsync(Cancel);
            });
            ids.Add(lease.EventId);
        }

        return ids;
    }

    private static Task WaitReceivedAsync(BusHost host, int count) => Eventually.TrueAsync(
        () => host.WithDbAsync(async (db, _) => await db.ReceivedEvents.CountAsync(Cancel) >= count),
        $"the consumer has received {count} events", TimeSpan.FromMinutes(5), () => DescribeAsync(host));

    private static Task<string> DescribeAsync(BusHost host) => host.WithDbAsync(async (db, _) =>
    {
        var rows = await db.Set<OutboxMessage>().OrderBy(m => m.Id).ToListAsync(CancellationToken.None);
        var received = await db.ReceivedEvents.CountAsync(CancellationToken.None);
        var lastError = rows.LastOrDefault(r => r.LastError != null)?.LastError ?? "none";
        return $"Outbox: {rows.Count} rows, {rows.Count(r => r.SentAt != null)} sent, {rows.Sum(r => r.Attempts)} failed " +
            $"attempts, last error: {lastError}. Bus: {host.Services.GetRequiredService<IBusControl>().CheckHealth().Status}, " +
            $"{host.Published.Count} publishes confirmed, {host.Consumed.Count} consumed, {received} received rows.";
    });

    private static async Task RepublishAsync(BusHost host, Guid eventId)
    {
        var row = await host.WithDbAsync((db, _) => db.Set<OutboxMessage>().SingleAsync(m => m.MessageId == eventId, Cancel));
        var message = System.Text.Json.JsonSerializer.Deserialize<LowCodeErp.Contracts.Leasing.LeaseCommenced>(
            row.Body, System.Text.Json.JsonSerializerOptions.Web)!;
        await host.Services.GetRequiredService<IBus>().Publish(message, p => p.MessageId = eventId, Cancel);
    }
}

/// <summary>Tests that stop the shared broker run alone.</summary>
[CollectionDefinition(nameof(RabbitMqOutageCollection), DisableParallelization = true)]
public sealed class RabbitMqOutageCollection;

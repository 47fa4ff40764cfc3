using FluentAssertions;
using LowCodeErp.Messaging.Inbox;
using LowCodeErp.Messaging.Outbox;
using LowCodeErp.Messaging.Tests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Messaging.Tests.Messaging;

public abstract class OutboxTests(TestDatabase database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_are_stored_in_the_same_transaction_as_the_change()
    {
        await using var services = await new ServiceCollection()
            .AddShopContext(database.NewDatabase()).AddErpOutbox<ShopContext>().AddLogging().BuildWithDatabaseAsync();
        var lease = Events.Lease(1);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopContext>();
            db.Customers.Add(new Customer { Name = "Acme", Email = "acme@example.com" });
            scope.ServiceProvider.GetRequiredService<IEventOutbox>().Add(lease).Should().Be(lease.EventId);
            await db.SaveChangesAsync(Cancel);
        }

        await using var check = services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<ShopContext>().Set<OutboxMessage>().SingleAsync(Cancel);
        stored.MessageId.Should().Be(lease.EventId);
        stored.MessageType.Should().Be("LowCodeErp.Contracts.Leasing.LeaseCommenced, LowCodeErp.Contracts");
        stored.Body.Should().Contain("C-1");
        stored.SentAt.Should().BeNull();
    }

    [Fact]
    public async Task A_rollback_or_a_failed_save_stores_no_events()
    {
        await using var services = await new ServiceCollection()
            .AddShopContext(database.NewDatabase()).AddErpOutbox<ShopContext>().AddLogging().BuildWithDatabaseAsync();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            db.Customers.Add(new Customer { Name = "Acme", Email = "acme@example.com" });
            scope.ServiceProvider.GetRequiredService<IEventOutbox>().Add(Events.Lease(1));
            await db.SaveChangesAsync(Cancel);
            await transaction.RollbackAsync(Cancel);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopContext>();
            db.Customers.AddRange(new Customer { Name = "A", Email = "dup@example.com" }, new Customer { Name = "B", Email = "dup@example.com" });
            scope.ServiceProvider.GetRequiredService<IEventOutbox>().Add(Events.Lease(2));
            var save = () => db.SaveChangesAsync(Cancel);
            await save.Should().ThrowAsync<DbUpdateException>();
        }

        await using var check = services.CreateAsyncScope();
        var checkDb = check.ServiceProvider.GetRequiredService<ShopContext>();
        (await checkDb.Set<OutboxMessage>().CountAsync(Cancel)).Should().Be(0);
        (await checkDb.Customers.CountAsync(Cancel)).Should().Be(0);
    }

    [Fact]
    public async Task The_relay_publishes_every_event_in_order_and_marks_it_sent()
    {
        await using var host = await BusHost.StartAsync(database.NewDatabase(), x => x.AddConsumer<LeaseCommencedConsumer>());
        var leases = Enumerable.Range(1, 30).Select(Events.Lease).ToList();
        foreach (var batch in leases.Chunk(10))
        {
            await host.WithDbAsync(async (db, sp) =>
            {
                foreach (var lease in batch)
                {
                    sp.GetRequiredService<IEventOutbox>().Add(lease);
                }

                return await db.SaveChangesAsync(Cancel);
            });
        }

        await Eventually.TrueAsync(
            () => host.WithDbAsync(async (db, _) => await db.ReceivedEvents.CountAsync(Cancel) == leases.Count),
            "the consumer received all 30 events");
        // A row is marked sent only after the broker's acknowledgement, so the consumer may see the last event a
        // moment before the relay's save: wait for the marks instead of reading them once.
        await Eventually.TrueAsync(
            () => host.WithDbAsync(async (db, _) => !await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null, Cancel)),
            "every row is marked sent");
        host.Published.Should().Equal(leases.Select(l => l.EventId), "rows are published in outbox order");
        await host.WithDbAsync(async (db, _) =>
        {
            (await db.ReceivedEvents.Select(r => r.EventId).ToListAsync(Cancel)).Should().BeEquivalentTo(leases.Select(l => l.EventId));
            return true;
        });
    }

    [Fact]
    public async Task After_a_restart_the_relay_publishes_what_was_committed_before_and_takes_over_expired_leases()
    {
        var shared = database.NewDatabase();
        var pending = Events.Lease(1);
        var leasedByCrashedRelay = Events.Lease(2);
        var leasedByLiveRelay = Events.Lease(3);
        await using (var services = await new ServiceCollection().AddShopContext(shared).AddErpOutbox<ShopContext>().AddLogging().BuildWithDatabaseAsync())
        await using (var scope = services.CreateAsyncScope())
        {
            // Written while no relay runs (the service was down), two of them under another relay's lease.
            var db = scope.ServiceProvider.GetRequiredService<ShopContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
            outbox.Add(pending);
            outbox.Add(leasedByCrashedRelay);
            outbox.Add(leasedByLiveRelay);
            await db.SaveChangesAsync(Cancel);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await db.Set<OutboxMessage>().Where(m => m.MessageId == leasedByCrashedRelay.EventId)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedBy, "crashed").SetProperty(m => m.LockedUntil, now - 1), Cancel);
            await db.Set<OutboxMessage>().Where(m => m.MessageId == leasedByLiveRelay.EventId)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedBy, "alive").SetProperty(m => m.LockedUntil, now + 3_600_000), Cancel);
        }

        await using var host = await BusHost.StartAsync(shared);

        await Eventually.TrueAsync(() => Task.FromResult(host.Published.Count >= 2), "the two claimable rows are published");
        host.Published.Should().Equal(pending.EventId, leasedByCrashedRelay.EventId);
        await host.WithDbAsync(async (db, _) =>
        {
            (await db.Set<OutboxMessage>().SingleAsync(m => m.MessageId == leasedByLiveRelay.EventId, Cancel))
                .SentAt.Should().BeNull("a live lease is respected");
            return true;
        });
    }

    [Fact]
    public async Task Two_relays_on_one_database_publish_each_event_exactly_once()
    {
        var shared = database.NewDatabase();
        await using var first = await BusHost.StartAsync(shared);
        await using var second = await BusHost.StartAsync(shared);
        var leases = Enumerable.Range(1, 60).Select(Events.Lease).ToList();
        foreach (var (lease, i) in leases.Select((l, i) => (l, i)))
        {
            // Writes through both replicas, as a load balancer would spread requests.
            await (i % 2 == 0 ? first : second).WithDbAsync(async (db, sp) =>
            {
                sp.GetRequiredService<IEventOutbox>().Add(lease);
                return await db.SaveChangesAsync(Cancel);
            });
        }

        await Eventually.TrueAsync(
            () => first.WithDbAsync(async (db, _) => !await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null, Cancel)),
            "every outbox row is marked sent");
        first.Published.Concat(second.Published).Should().BeEquivalentTo(leases.Select(l => l.EventId),
            "each row is claimed by one relay only");
    }

    [Fact]
    public async Task A_duplicate_message_id_is_processed_once()
    {
        await using var host = await BusHost.StartAsync(database.NewDatabase(), x => x.AddConsumer<LeaseCommencedConsumer>());
        var lease = Events.Lease(7);
        var bus = host.Services.GetRequiredService<IBus>();
        for (var i = 0; i < 3; i++)
        {
            await bus.Publish(lease, p => p.MessageId = lease.EventId, Cancel);
        }

        await Eventually.TrueAsync(() => Task.FromResult(host.Consumed.Count(id => id == lease.EventId) == 3), "all three deliveries completed");
        await host.WithDbAsync(async (db, _) =>
        {
            (await db.ReceivedEvents.CountAsync(r => r.EventId == lease.EventId, Cancel)).Should().Be(1);
            (await db.Set<InboxMessage>().CountAsync(m => m.MessageId == lease.EventId, Cancel)).Should().Be(1);
            return true;
        });
    }

    [Fact]
    public async Task A_failing_consumer_rolls_back_its_work_and_inbox_row_and_the_retry_processes_the_message_once()
    {
        await using var host = await BusHost.StartAsync(database.NewDatabase(), x => x.AddConsumer<FlakyPaymentConsumer>());
        var payment = Events.Payment("BANK-" + Guid.NewGuid().ToString("N"));
        await host.WithDbAsync(async (db, sp) =>
        {
            sp.GetRequiredService<IEventOutbox>().Add(payment);
            return await db.SaveChangesAsync(Cancel);
        });

        await Eventually.TrueAsync(() => Task.FromResult(host.Consumed.Contains(payment.EventId)), "the retry succeeded");
        FlakyPaymentConsumer.Attempts[payment.EventId].Should().Be(2);
        await host.WithDbAsync(async (db, _) =>
        {
            (await db.ReceivedEvents.CountAsync(r => r.EventId == payment.EventId, Cancel)).Should().Be(1, "the first attempt's row was rolled back");
            (await db.Set<InboxMessage>().CountAsync(m => m.MessageId == payment.EventId, Cancel)).Should().Be(1);
            return true;
        });
    }

    [Fact]
    public async Task A_row_whose_type_no_longer_exists_is_dead_lettered_and_does_not_block_the_rows_after_it()
    {
        await using var host = await BusHost.StartAsync(database.NewDatabase(), x => x.AddConsumer<LeaseCommencedConsumer>());
        var lease = Events.Lease(1);
        await host.WithDbAsync(async (db, sp) =>
        {
            db.Set<OutboxMessage>().Add(new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = "Gone.Event, Gone", Body = "{}" });
            await db.SaveChangesAsync(Cancel);
            sp.GetRequiredService<IEventOutbox>().Add(lease);
            return await db.SaveChangesAsync(Cancel);
        });

        await Eventually.TrueAsync(
            () => host.WithDbAsync(async (db, _) => await db.ReceivedEvents.AnyAsync(r => r.EventId == lease.EventId, Cancel)),
            "the event after the broken row arrived");
        await host.WithDbAsync(async (db, _) =>
        {
            var dead = await db.Set<OutboxMessage>().SingleAsync(m => m.MessageType == "Gone.Event, Gone", Cancel);
            dead.DeadLetteredAt.Should().NotBeNull();
            dead.SentAt.Should().BeNull();
            dead.LastError.Should().Contain("Gone.Event");
            return true;
        });
    }
}

public sealed class SqliteOutboxTests(SqliteTestDatabase database) : OutboxTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresOutboxTests(PostgresTestDatabase database) : OutboxTests(database), IClassFixture<PostgresTestDatabase>;

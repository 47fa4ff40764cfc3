using System.Collections.Concurrent;
using System.Globalization;
using LowCodeErp.Contracts.Finance;
using LowCodeErp.Contracts.Leasing;
using MassTransit;

namespace LowCodeErp.Messaging.Tests.Infrastructure;

/// <summary>Records every LeaseCommenced it handles (sequence = the number in the contract number "C-n").</summary>
public sealed class LeaseCommencedConsumer(ShopContext db) : IConsumer<LeaseCommenced>
{
    public async Task Consume(ConsumeContext<LeaseCommenced> context)
    {
        db.ReceivedEvents.Add(new ReceivedEvent
        {
            EventId = context.Message.EventId,
            Consumer = nameof(LeaseCommencedConsumer),
            Sequence = int.Parse(context.Message.ContractNumber[2..], CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>Saves its row, then fails on the first delivery of each message: the inbox must roll both back.</summary>
public sealed class FlakyPaymentConsumer(ShopContext db) : IConsumer<PaymentReceived>
{
    public static ConcurrentDictionary<Guid, int> Attempts { get; } = new();

    public async Task Consume(ConsumeContext<PaymentReceived> context)
    {
        db.ReceivedEvents.Add(new ReceivedEvent { EventId = context.Message.EventId, Consumer = nameof(FlakyPaymentConsumer) });
        await db.SaveChangesAsync(context.CancellationToken);
        if (Attempts.AddOrUpdate(context.Message.EventId, 1, (_, n) => n + 1) == 1)
        {
            throw new InvalidOperationException("First delivery fails on purpose (after the consumer saved its work).");
        }
    }
}

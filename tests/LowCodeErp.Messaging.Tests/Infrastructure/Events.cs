using LowCodeErp.Contracts.Finance;
using LowCodeErp.Contracts.Leasing;

namespace LowCodeErp.Messaging.Tests.Infrastructure;

internal static class Events
{
    public static LeaseCommenced Lease(int sequence) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), $"C-{sequence}", "Finance",
        new DateOnly(2026, 12, 1), 10_000m + sequence, "EUR");

    public static PaymentReceived Payment(string bankTransactionId) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, bankTransactionId, null, 99.5m, "EUR");
}

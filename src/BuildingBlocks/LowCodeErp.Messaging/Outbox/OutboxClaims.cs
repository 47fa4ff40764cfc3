using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Messaging.Outbox;

/// <summary>
/// Reserves pending rows for one relay with a lease: one conditional UPDATE, so two replicas never hold the same row
/// (on PostgreSQL the second UPDATE re-checks the lease condition on the locked row and skips it). Works on every
/// provider; a crashed relay's rows become claimable again when the lease ends.
/// </summary>
internal static class OutboxClaims
{
    public static async Task<List<OutboxMessage>> ClaimAsync(
        DbContext context, string owner, long nowMs, long leaseUntilMs, int batchSize, CancellationToken cancellationToken)
    {
        var messages = context.Set<OutboxMessage>();
        var candidates = Claimable(messages, nowMs).OrderBy(m => m.Id).Take(batchSize).Select(m => m.Id);
        var claimed = await Claimable(messages, nowMs)
            .Where(m => candidates.Contains(m.Id))
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.LockedBy, owner).SetProperty(m => m.LockedUntil, leaseUntilMs),
                cancellationToken);
        if (claimed == 0)
        {
            return [];
        }

        return await messages
            .Where(m => m.LockedBy == owner && m.LockedUntil == leaseUntilMs && m.SentAt == null)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<OutboxMessage> Claimable(IQueryable<OutboxMessage> messages, long nowMs) =>
        messages.Where(m => m.SentAt == null && m.DeadLetteredAt == null && (m.LockedUntil == null || m.LockedUntil < nowMs));
}

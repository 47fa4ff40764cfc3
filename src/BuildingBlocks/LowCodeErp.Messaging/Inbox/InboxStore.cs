using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Messaging.Inbox;

/// <summary>
/// The inbox in the consuming service's own DbContext: the row and the consumer's changes (and any outbox events it
/// adds) commit together. Two concurrent deliveries of one message both pass the lookup, but only one insert of the
/// key commits; the other fails, is retried by MassTransit and then finds the row.
/// </summary>
internal sealed class InboxStore<TContext>(TContext context, TimeProvider clock) : IInboxStore
    where TContext : DbContext
{
    public async Task<bool> TryProcessAsync(Guid messageId, string consumer, Func<Task> work, CancellationToken cancellationToken)
    {
        var ownTransaction = context.Database.CurrentTransaction is null
            ? await context.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var seen = await context.Set<InboxMessage>()
                .AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);
            if (seen)
            {
                return false;
            }

            context.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow() });
            await work();
            await context.SaveChangesAsync(cancellationToken); // whatever the consumer has not saved yet, and the inbox row
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return true;
        }
        catch
        {
            // A retry may reuse this scope's context: it must not see the rolled-back rows as already saved.
            context.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }
}

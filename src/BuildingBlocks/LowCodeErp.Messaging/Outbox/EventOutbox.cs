using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Messaging.Outbox;

/// <summary>The scoped <see cref="IEventOutbox"/> over the service's DbContext; wakes the relay after each commit.</summary>
internal sealed class EventOutbox<TContext>(TContext context, OutboxSignal signal, TimeProvider clock) : IEventOutbox
    where TContext : DbContext
{
    private bool _listening;

    public Guid Add<T>(T message)
        where T : class
    {
        if (!_listening)
        {
            // Without this the relay would still publish, but only at its next poll.
            context.SavedChanges += (_, _) => signal.Notify();
            _listening = true;
        }

        return context.AddOutboxMessage(message, clock);
    }
}

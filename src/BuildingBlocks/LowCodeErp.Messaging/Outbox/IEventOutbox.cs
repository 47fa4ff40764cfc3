namespace LowCodeErp.Messaging.Outbox;

/// <summary>
/// Adds events to the service's own DbContext: they are written by the service's next SaveChanges, in the same
/// transaction as its change (a rollback stores none), and published by the relay after the commit.
/// </summary>
public interface IEventOutbox
{
    /// <summary>Queues <paramref name="message"/>; returns its message id (the event id for IIntegrationEvent).</summary>
    Guid Add<T>(T message)
        where T : class;
}

namespace LowCodeErp.Contracts;

/// <summary>
/// An event one service tells the others about. Delivery is at-least-once, so every event carries the id that
/// consumers deduplicate on: the outbox publishes it as the MassTransit message id and the inbox records it.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique per event (not per publish attempt): the idempotency key.</summary>
    Guid EventId { get; }

    /// <summary>When the change that raised the event was committed by its service.</summary>
    DateTimeOffset OccurredAt { get; }
}

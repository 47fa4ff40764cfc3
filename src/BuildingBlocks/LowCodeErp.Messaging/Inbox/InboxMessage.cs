namespace LowCodeErp.Messaging.Inbox;

/// <summary>A message a receive endpoint of this service has processed; its key makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    /// <summary>The MassTransit message id (the event id for messages from the outbox).</summary>
    public Guid MessageId { get; set; }

    /// <summary>The receive endpoint (queue) that processed it: several endpoints may each process the same message.</summary>
    public required string Consumer { get; set; }

    /// <summary>When processing committed.</summary>
    public DateTimeOffset ProcessedAt { get; set; }
}

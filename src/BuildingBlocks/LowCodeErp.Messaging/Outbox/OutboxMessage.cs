namespace LowCodeErp.Messaging.Outbox;

/// <summary>An event waiting in (or relayed from) a service's own database, written with the change that raised it.</summary>
public sealed class OutboxMessage
{
    /// <summary>Database-generated: the relay publishes in this order.</summary>
    public long Id { get; set; }

    /// <summary>Published as the MassTransit message id, which consumers' inboxes deduplicate on.</summary>
    public Guid MessageId { get; set; }

    /// <summary>"Namespace.Type, Assembly" of the message record.</summary>
    public required string MessageType { get; set; }

    /// <summary>The message as JSON.</summary>
    public required string Body { get; set; }

    /// <summary>When the event was stored.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the broker acknowledged it; null while pending.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Failed publish attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>The last publish error, for operators.</summary>
    public string? LastError { get; set; }

    /// <summary>The relay instance that holds the lease, if any.</summary>
    public string? LockedBy { get; set; }

    /// <summary>End of the lease as Unix milliseconds (a number: SQLite cannot compare DateTimeOffset in SQL).</summary>
    public long? LockedUntil { get; set; }

    /// <summary>Set when the row can never be published (its type no longer exists); it is skipped from then on.</summary>
    public DateTimeOffset? DeadLetteredAt { get; set; }
}

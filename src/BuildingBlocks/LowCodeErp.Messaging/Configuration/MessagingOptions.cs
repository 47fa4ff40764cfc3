namespace LowCodeErp.Messaging.Configuration;

/// <summary>Which broker the bus uses.</summary>
public enum MessagingTransport
{
    /// <summary>In-process (the embedded server: one process, no broker).</summary>
    InMemory,

    /// <summary>RabbitMQ at <c>ConnectionStrings:RabbitMq</c> (the distributed shape).</summary>
    RabbitMq,
}

/// <summary>The <c>Messaging</c> configuration section.</summary>
public sealed class MessagingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Messaging";

    /// <summary>The connection string name of the broker (an amqp:// URI with user and password).</summary>
    public const string RabbitMqConnectionStringName = "RabbitMq";

    /// <summary><c>Messaging:Transport</c>: InMemory (default) or RabbitMq.</summary>
    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    /// <summary>
    /// <c>Messaging:EndpointPrefix</c>: put in front of every queue name, normally the service name, so two services
    /// consuming the same event each get their own queue (and both receive it).
    /// </summary>
    public string? EndpointPrefix { get; set; }

    /// <summary>Immediate redelivery attempts of a failing consumer before the message moves to the _error queue.</summary>
    public int ConsumerRetryLimit { get; set; } = 5;

    /// <summary>The outbox relay's settings (<c>Messaging:Outbox</c>).</summary>
    public OutboxOptions Outbox { get; set; } = new();
}

/// <summary>The <c>Messaging:Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    /// <summary>How often the relay looks for rows when nobody told it about new ones (other replicas' writes).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows claimed per round.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long claimed rows stay reserved for one relay; a crashed relay's rows are taken over afterwards.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one publish may wait for the broker's acknowledgement before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts while the broker is unreachable (the backoff doubles up to it).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
}

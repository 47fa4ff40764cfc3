using System.Text.Json;
using LowCodeErp.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Messaging.Outbox;

/// <summary>The outbox without DI: <c>db.AddOutboxMessage(evt)</c> (the relay still finds it, at its next poll).</summary>
public static class OutboxDbContextExtensions
{
    /// <summary>The one serializer setting of outbox rows (written here, read by the relay).</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Tracks an outbox row for <paramref name="message"/>; SaveChanges writes it with the rest.</summary>
    public static Guid AddOutboxMessage<T>(this DbContext context, T message, TimeProvider? clock = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(message);
        var type = message.GetType(); // the runtime type: a derived record must not be published as its base
        var messageId = message is IIntegrationEvent integrationEvent ? integrationEvent.EventId : NewId.NextGuid();
        context.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = messageId,
            MessageType = TypeName(type),
            Body = JsonSerializer.Serialize(message, type, Json),
            CreatedAt = (clock ?? TimeProvider.System).GetUtcNow(),
        });
        return messageId;
    }

    /// <summary>"Namespace.Type, Assembly": stable across versions of the contracts assembly.</summary>
    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}

using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Messaging.Inbox;

/// <summary>
/// A scoped consume filter on every receive endpoint: when the service registered an inbox (AddErpInbox), the rest of
/// the pipe (the consumer) runs inside <see cref="IInboxStore.TryProcessAsync"/>; a message id already processed by
/// this endpoint is acknowledged without running the consumer again.
/// </summary>
internal sealed partial class InboxFilter<T>(IServiceProvider services, ILogger<InboxFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var inbox = services.GetService<IInboxStore>();
        if (inbox is null || context.MessageId is not { } messageId)
        {
            await next.Send(context);
            return;
        }

        var endpoint = context.ReceiveContext.InputAddress.AbsolutePath.Trim('/');
        var processed = await inbox.TryProcessAsync(messageId, endpoint, () => next.Send(context), context.CancellationToken);
        if (!processed)
        {
            LogDuplicate(messageId, endpoint);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("erpInbox");

    [LoggerMessage(LogLevel.Information, "Message {MessageId} already processed by {Endpoint}; skipped")]
    private partial void LogDuplicate(Guid messageId, string endpoint);
}

namespace LowCodeErp.Messaging.Inbox;

/// <summary>Runs a consumer's work at most once per (message id, endpoint), in one transaction with the inbox row.</summary>
internal interface IInboxStore
{
    /// <summary>False (and <paramref name="work"/> not run) when the message was already processed.</summary>
    Task<bool> TryProcessAsync(Guid messageId, string consumer, Func<Task> work, CancellationToken cancellationToken);
}

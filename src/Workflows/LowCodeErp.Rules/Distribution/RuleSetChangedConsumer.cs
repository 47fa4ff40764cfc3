using LowCodeErp.Contracts.Rules;
using LowCodeErp.Rules.Engine;
using MassTransit;

namespace LowCodeErp.Rules.Distribution;

/// <summary>On every replica: a rule set was published or retracted somewhere, so evict and re-warm it here.</summary>
public sealed class RuleSetChangedConsumer(RuleSetCache cache) : IConsumer<RuleSetPublished>, IConsumer<RuleSetRetracted>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<RuleSetPublished> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return cache.RefreshAsync(context.Message.Name, context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<RuleSetRetracted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return cache.RefreshAsync(context.Message.Name, context.CancellationToken);
    }
}

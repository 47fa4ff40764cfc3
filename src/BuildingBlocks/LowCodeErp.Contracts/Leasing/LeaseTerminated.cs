namespace LowCodeErp.Contracts.Leasing;

/// <summary>A lease contract ended early or at maturity; finance settles the net investment.</summary>
/// <param name="TerminationType">"Maturity", "EarlyBuyout" or "Default".</param>
public sealed record LeaseTerminated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ContractId,
    string TerminationType,
    DateOnly TerminationDate,
    decimal SettlementAmount,
    string Currency) : IIntegrationEvent;

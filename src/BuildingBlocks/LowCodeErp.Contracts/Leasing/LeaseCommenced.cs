namespace LowCodeErp.Contracts.Leasing;

/// <summary>A lease contract started; finance books the net investment (finance lease) or the asset (operating lease).</summary>
/// <param name="Classification">"Finance" or "Operating" (IFRS 16 lessor classification).</param>
public sealed record LeaseCommenced(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ContractId,
    string ContractNumber,
    string Classification,
    DateOnly CommencementDate,
    decimal NetInvestment,
    string Currency) : IIntegrationEvent;

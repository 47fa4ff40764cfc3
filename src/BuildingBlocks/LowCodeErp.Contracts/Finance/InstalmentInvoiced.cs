namespace LowCodeErp.Contracts.Finance;

/// <summary>An instalment of a lease was invoiced; the idempotency key is contract + instalment number.</summary>
public sealed record InstalmentInvoiced(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ContractId,
    int InstalmentNumber,
    decimal Principal,
    decimal Interest,
    decimal Vat,
    string Currency) : IIntegrationEvent;

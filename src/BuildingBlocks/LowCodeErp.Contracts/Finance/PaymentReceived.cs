namespace LowCodeErp.Contracts.Finance;

/// <summary>Money arrived on the bank account; the bank transaction id is the business idempotency key.</summary>
public sealed record PaymentReceived(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string BankTransactionId,
    Guid? ContractId,
    decimal Amount,
    string Currency) : IIntegrationEvent;

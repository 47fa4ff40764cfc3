namespace LowCodeErp.Contracts.Rules;

/// <summary>The published version of a rule set was retracted: every replica stops evaluating it by default.</summary>
public sealed record RuleSetRetracted(Guid EventId, DateTimeOffset OccurredAt, string Name) : IIntegrationEvent;

namespace LowCodeErp.Contracts.Rules;

/// <summary>
/// A rule set version was published. Every replica that evaluates rules evicts its compiled engines of the rule set and
/// warms the published version; receivers re-read the published version from the database rather than trusting
/// <paramref name="Version"/>, so late or reordered deliveries cannot switch a replica back to an older version.
/// </summary>
public sealed record RuleSetPublished(Guid EventId, DateTimeOffset OccurredAt, string Name, int Version) : IIntegrationEvent;

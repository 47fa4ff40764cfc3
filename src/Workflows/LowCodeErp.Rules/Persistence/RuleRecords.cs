namespace LowCodeErp.Rules.Persistence;

/// <summary>
/// One version of a rule set. A draft (<see cref="PublishedAt"/> null) may be overwritten; once published a version is
/// immutable. At most one version per name has <see cref="IsPublished"/> (a filtered unique index guards races).
/// </summary>
public sealed class RuleSetVersionRecord
{
    /// <summary>Primary key.</summary>
    public string Id { get; set; } = "";
    /// <summary>Rule set name (the RulesEngine WorkflowName).</summary>
    public string Name { get; set; } = "";
    /// <summary>1, 2, … per name.</summary>
    public int Version { get; set; }
    /// <summary>The one version evaluated by default.</summary>
    public bool IsPublished { get; set; }
    /// <summary>When it was first published; null for a draft.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Created or last saved (drafts).</summary>
    public DateTimeOffset SavedAt { get; set; }
    /// <summary>The RulesEngine workflow JSON.</summary>
    public string Content { get; set; } = "";
    /// <summary>The rule tests JSON (<c>&lt;name&gt;.tests.json</c>), if any.</summary>
    public string? Tests { get; set; }
    /// <summary>SHA-256 of content and tests; an import with the same hash changes nothing.</summary>
    public string ContentHash { get; set; } = "";
}

/// <summary>Inputs and decision of one real evaluation, kept (bounded) for the impact preview.</summary>
public sealed class RuleEvaluationRecord
{
    /// <summary>Ascending id: newest last.</summary>
    public long Id { get; set; }
    /// <summary>Rule set name.</summary>
    public string RuleSet { get; set; } = "";
    /// <summary>Version that decided.</summary>
    public int Version { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset EvaluatedAt { get; set; }
    /// <summary>Named inputs as JSON.</summary>
    public string Inputs { get; set; } = "";
    /// <summary>The decision as JSON (<see cref="Engine.RuleDecision"/>).</summary>
    public string Decision { get; set; } = "";
}

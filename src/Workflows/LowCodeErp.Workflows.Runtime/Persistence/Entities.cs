using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Runtime.Persistence;

// Rows are plain classes (no behaviour): the stores map them to and from the engine's types. JSON columns hold
// text written with the engine's serializer options, so every provider stores them the same way.

/// <summary>One version of a workflow definition.</summary>
public sealed class WorkflowDefinitionRecord
{
    /// <summary>Version id (the definition JSON's <c>id</c>).</summary>
    public string Id { get; set; } = "";
    /// <summary>Logical id shared by all versions.</summary>
    public string DefinitionId { get; set; } = "";
    /// <summary>1-based version number, unique per definition.</summary>
    public int Version { get; set; }
    /// <summary>Display name.</summary>
    public string? Name { get; set; }
    /// <summary>Whether this is the newest version.</summary>
    public bool IsLatest { get; set; }
    /// <summary>Whether this is the (single) published version.</summary>
    public bool IsPublished { get; set; }
    /// <summary>Whether other definitions may use it as an activity.</summary>
    public bool UsableAsActivity { get; set; }
    /// <summary>Soft delete: hidden by a query filter, kept so pinned instances can still load their version.</summary>
    public bool IsDeleted { get; set; }
    /// <summary>The definition document (Elsa 3 JSON).</summary>
    public string Json { get; set; } = "";
    /// <summary>SHA-256 of the document without its version fields (see <c>DefinitionContentHash</c>).</summary>
    public string ContentHash { get; set; } = "";
    /// <summary>When the version was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A workflow instance and its captured state.</summary>
public sealed class WorkflowInstanceRecord
{
    /// <summary>Instance id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Logical definition id.</summary>
    public string DefinitionId { get; set; } = "";
    /// <summary>The version the instance is pinned to.</summary>
    public string DefinitionVersionId { get; set; } = "";
    /// <summary>That version's number.</summary>
    public int Version { get; set; }
    /// <summary>Correlation id.</summary>
    public string? CorrelationId { get; set; }
    /// <summary>Instance name.</summary>
    public string? Name { get; set; }
    /// <summary>Main status.</summary>
    public WorkflowStatus Status { get; set; }
    /// <summary>Detailed status.</summary>
    public WorkflowSubStatus SubStatus { get; set; }
    /// <summary>Number of incidents.</summary>
    public int IncidentCount { get; set; }
    /// <summary>The <c>WorkflowState</c> as JSON.</summary>
    public string StateJson { get; set; } = "";
    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Last saved.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Finished, if it did.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Optimistic concurrency token, replaced on every save (works on every provider, unlike rowversion).</summary>
    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>An open bookmark of an instance, indexed by hash for stimulus lookup.</summary>
public sealed class BookmarkRecord
{
    /// <summary>Bookmark id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Owning instance.</summary>
    public string InstanceId { get; set; } = "";
    /// <summary>The instance's correlation id, copied so a stimulus lookup needs no join.</summary>
    public string? CorrelationId { get; set; }
    /// <summary>Stimulus name, e.g. <c>Elsa.Event</c>.</summary>
    public string Name { get; set; } = "";
    /// <summary>Stimulus hash.</summary>
    public string Hash { get; set; } = "";
    /// <summary>Waiting activity id.</summary>
    public string ActivityId { get; set; } = "";
    /// <summary>Waiting activity execution id.</summary>
    public string ActivityInstanceId { get; set; } = "";
    /// <summary>Stimulus payload as JSON.</summary>
    public string? PayloadJson { get; set; }
    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A trigger of a published definition version.</summary>
public sealed class TriggerRecord
{
    /// <summary>Row id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Logical definition id.</summary>
    public string DefinitionId { get; set; } = "";
    /// <summary>Published version that owns it.</summary>
    public string DefinitionVersionId { get; set; } = "";
    /// <summary>Trigger activity id.</summary>
    public string ActivityId { get; set; } = "";
    /// <summary>Stimulus name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Stimulus hash.</summary>
    public string Hash { get; set; } = "";
    /// <summary>Stimulus payload as JSON.</summary>
    public string? PayloadJson { get; set; }
}

/// <summary>A due time: an instance's Delay/Timer bookmark, or a trigger timer of a definition version.</summary>
public sealed class TimerRecord
{
    /// <summary>Row id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Instance to resume (bookmark timers).</summary>
    public string? InstanceId { get; set; }
    /// <summary>Definition version to start (trigger timers).</summary>
    public string? DefinitionVersionId { get; set; }
    /// <summary>Bookmark to resume.</summary>
    public string? BookmarkId { get; set; }
    /// <summary>Activity that owns the timer.</summary>
    public string? ActivityId { get; set; }
    /// <summary>When it is due.</summary>
    public DateTimeOffset DueAt { get; set; }
    /// <summary>Node that claimed it (exactly-once firing).</summary>
    public string? ClaimedBy { get; set; }
    /// <summary>Claim lease end; an expired claim may be taken over.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}

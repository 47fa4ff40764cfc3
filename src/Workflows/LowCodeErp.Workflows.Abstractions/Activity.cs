using System.Text.Json;
using System.Text.Json.Nodes;
using LowCodeErp.Workflows.Abstractions.Descriptors;

namespace LowCodeErp.Workflows.Abstractions;

/// <summary>
/// Base class of every activity. An activity is one self-describing class: <see cref="ActivityAttribute"/> names it,
/// <see cref="InputAttribute"/>/<see cref="OutputAttribute"/> properties declare its data, <see cref="OutcomesAttribute"/>
/// its ports, and <see cref="ExecuteAsync"/> does the work. Instances are part of an immutable definition and are shared
/// by every run, so keep run-time state in <see cref="IActivityExecutionContext.Properties"/>, never in fields.
/// </summary>
public abstract class Activity
{
    /// <summary>Sets <see cref="Type"/> and <see cref="Version"/> from the class's <see cref="ActivityAttribute"/>.</summary>
    protected Activity()
    {
        var info = ActivityTypeInfo.Of(GetType());
        Type = info.TypeName;
        Version = info.Version;
    }

    /// <summary>Unique id inside the definition; connections reference it.</summary>
    public string Id { get; set; } = "";

    /// <summary>Path of ancestor ids joined by ':' (recomputed by the engine).</summary>
    public string? NodeId { get; set; }

    /// <summary>Optional name (used by JavaScript accessors such as <c>getResultFromWriteLine1()</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Type name, e.g. <c>Elsa.WriteLine</c>.</summary>
    public string Type { get; set; }

    /// <summary>Activity type version.</summary>
    public int Version { get; set; }

    /// <summary>Free-form settings (<c>canStartWorkflow</c>, <c>mergeMode</c>, …) kept verbatim.</summary>
    public JsonObject CustomProperties { get; set; } = [];

    /// <summary>Designer data (<c>designer.position</c>, <c>displayText</c>, …) kept verbatim.</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>JSON properties this activity does not model, kept for a lossless round trip.</summary>
    public Dictionary<string, JsonElement>? ExtraProperties { get; set; }

    /// <summary>When true the engine completes the activity with <c>Done</c> after <see cref="ExecuteAsync"/> unless it
    /// completed, created a bookmark or scheduled children itself.</summary>
    public virtual bool AutoComplete => false;

    /// <summary>Does the activity's work.</summary>
    public abstract ValueTask ExecuteAsync(IActivityExecutionContext context);

    /// <summary>Called when a child scheduled by this activity completes. Composites override it.</summary>
    public virtual ValueTask OnChildCompletedAsync(IActivityExecutionContext context, ChildCompletion completion) =>
        context.CompleteAsync();

    /// <summary>Called when a bookmark created by this activity is resumed. Default: complete with <c>Done</c>.</summary>
    public virtual ValueTask OnResumeAsync(IActivityExecutionContext context, Bookmark bookmark) => context.CompleteAsync();

    /// <summary>Called when a descendant sends a signal (e.g. Break). Return true to stop its propagation.</summary>
    public virtual ValueTask<bool> OnSignalAsync(IActivityExecutionContext context, object signal, IActivityExecutionContext sender) =>
        ValueTask.FromResult(false);

    /// <summary>The child activities embedded in this one (ports and container lists).</summary>
    public virtual IEnumerable<Activity> GetChildren() => ActivityTypeInfo.Of(GetType()).GetPortActivities(this);

    /// <inheritdoc />
    public override string ToString() => $"{Type} '{Id}'";
}

/// <summary>An activity that completes with <c>Done</c> by itself after <see cref="Activity.ExecuteAsync"/>.</summary>
public abstract class CodeActivity : Activity
{
    /// <inheritdoc />
    public override bool AutoComplete => true;
}

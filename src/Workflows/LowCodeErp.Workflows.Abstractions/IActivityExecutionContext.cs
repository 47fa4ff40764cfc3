namespace LowCodeErp.Workflows.Abstractions;

/// <summary>
/// What an activity sees while it runs: its inputs, the workflow's variables, its outputs, and the ways to finish
/// (complete with outcomes, block on a bookmark, schedule children). One context per activity execution.
/// </summary>
public interface IActivityExecutionContext
{
    /// <summary>The activity instance id (unique per execution).</summary>
    string Id { get; }

    /// <summary>The activity being executed.</summary>
    Activity Activity { get; }

    /// <summary>The context of the composite that scheduled this activity; null for the workflow root.</summary>
    IActivityExecutionContext? Parent { get; }

    /// <summary>The running workflow instance.</summary>
    IWorkflowContext Workflow { get; }

    /// <summary>Current status.</summary>
    ActivityStatus Status { get; }

    /// <summary>Per-execution state that is persisted with the instance. Values must be JSON-serializable.</summary>
    IDictionary<string, object?> Properties { get; }

    /// <summary>Values the scheduler passed to this execution (e.g. the current loop item).</summary>
    IReadOnlyDictionary<string, object?> ScheduleInput { get; }

    /// <summary>The payload given when a bookmark of this activity was resumed; empty otherwise.</summary>
    IReadOnlyDictionary<string, object?> ResumeInput { get; }

    /// <summary>Live child executions scheduled by this activity.</summary>
    IEnumerable<IActivityExecutionContext> Children { get; }

    /// <summary>Services of the host.</summary>
    IServiceProvider Services { get; }

    /// <summary>Cancelled when the host stops the run.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Evaluates an input; null gives default(T). (A definition that omits an input gets the input's declared <c>DefaultValue</c> when it is read.)</summary>
    ValueTask<T?> EvaluateAsync<T>(Input<T>? input);

    /// <summary>Evaluates an expression and converts the result to <paramref name="targetType"/>.</summary>
    ValueTask<object?> EvaluateAsync(Expression expression, Type targetType);

    /// <summary>Sets an output value (and writes it to the variable the definition bound it to).</summary>
    void Set<T>(Output<T>? output, T? value);

    /// <summary>Reads a variable visible from this activity, by id or name.</summary>
    object? GetVariable(string idOrName);

    /// <summary>Writes a variable visible from this activity, by id or name.</summary>
    void SetVariable(string idOrName, object? value);

    /// <summary>Completes the activity with the given outcomes (<c>Done</c> when none).</summary>
    ValueTask CompleteAsync(params string[] outcomes);

    /// <summary>Completes the activity with the given outcomes (<c>Done</c> when empty).</summary>
    ValueTask CompleteWithOutcomesAsync(IReadOnlyList<string> outcomes);

    /// <summary>Blocks: the instance suspends until a stimulus resumes this bookmark.</summary>
    Bookmark CreateBookmark(BookmarkRequest request);

    /// <summary>Schedules a child activity; <see cref="Activity.OnChildCompletedAsync"/> runs when it completes.</summary>
    ValueTask ScheduleAsync(Activity child, object? tag = null, IReadOnlyDictionary<string, object?>? input = null);

    /// <summary>Cancels this activity and its children (bookmarks removed, nothing more runs).</summary>
    ValueTask CancelAsync();

    /// <summary>Sends a signal up the ancestor chain until an activity handles it.</summary>
    ValueTask SendSignalAsync(object signal);

    /// <summary>Adds an entry to the execution journal.</summary>
    void AddJournalEntry(string eventName, string? message = null, object? payload = null);
}

/// <summary>The workflow instance as an activity sees it.</summary>
public interface IWorkflowContext
{
    /// <summary>Instance id.</summary>
    string InstanceId { get; }
    /// <summary>Logical definition id.</summary>
    string DefinitionId { get; }
    /// <summary>Definition version id.</summary>
    string DefinitionVersionId { get; }
    /// <summary>Definition version number.</summary>
    int DefinitionVersion { get; }
    /// <summary>Correlation id (business key), settable by Correlate.</summary>
    string? CorrelationId { get; set; }
    /// <summary>Instance name, settable by SetName.</summary>
    string? Name { get; set; }
    /// <summary>Workflow input.</summary>
    IDictionary<string, object?> Input { get; }
    /// <summary>Workflow output.</summary>
    IDictionary<string, object?> Output { get; }
    /// <summary>Free-form instance properties (e.g. <c>ParentInstanceId</c>).</summary>
    IDictionary<string, object?> Properties { get; }
    /// <summary>The activity that triggered this instance, if a trigger started it.</summary>
    string? TriggerActivityId { get; }
    /// <summary>True once for the trigger activity that started the instance: it completes at once instead of blocking.</summary>
    bool TryConsumeTrigger(string activityId);
    /// <summary>Where WriteLine writes.</summary>
    TextWriter StandardOutput { get; }
    /// <summary>Clock used for timestamps and timers.</summary>
    TimeProvider Clock { get; }
}

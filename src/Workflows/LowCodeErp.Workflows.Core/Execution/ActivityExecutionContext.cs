using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Abstractions.Descriptors;
using LowCodeErp.Workflows.Core.Expressions;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>One execution of one activity. Implements what activities see; the engine drives the lifecycle.</summary>
public sealed partial class ActivityExecutionContext : IActivityExecutionContext
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
    private Dictionary<string, object?>? _properties;
    private List<ActivityExecutionContext>? _children;
    private List<Bookmark>? _bookmarks;

    internal ActivityExecutionContext(WorkflowExecutionContext workflow, Activity activity, ActivityExecutionContext? parent, object? tag, IReadOnlyDictionary<string, object?>? scheduleInput, string? id = null, DateTimeOffset? startedAt = null)
    {
        WorkflowContext = workflow;
        Activity = activity;
        ParentContext = parent;
        Tag = tag;
        ScheduleInput = scheduleInput ?? Empty;
        Id = id ?? workflow.NextId();
        StartedAt = startedAt ?? workflow.Clock.GetUtcNow();
        if (activity is IVariableContainer container && container.Variables.Count > 0)
        {
            Variables = new VariableScope(container.Variables);
        }
    }

    /// <inheritdoc />
    public string Id { get; }
    /// <inheritdoc />
    public Activity Activity { get; }
    /// <summary>The parent execution.</summary>
    public ActivityExecutionContext? ParentContext { get; }
    /// <inheritdoc />
    public IActivityExecutionContext? Parent => ParentContext;
    /// <summary>The workflow instance.</summary>
    public WorkflowExecutionContext WorkflowContext { get; }
    /// <inheritdoc />
    public IWorkflowContext Workflow => WorkflowContext;
    /// <inheritdoc />
    public ActivityStatus Status { get; private set; } = ActivityStatus.Running;
    /// <inheritdoc />
    public IDictionary<string, object?> Properties => _properties ??= [];
    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> ScheduleInput { get; }
    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> ResumeInput { get; internal set; } = Empty;
    /// <inheritdoc />
    public IEnumerable<IActivityExecutionContext> Children => (IEnumerable<IActivityExecutionContext>?)_children ?? [];
    /// <inheritdoc />
    public IServiceProvider Services => WorkflowContext.Services;
    /// <inheritdoc />
    public CancellationToken CancellationToken => WorkflowContext.CancellationToken;
    /// <summary>The tag the parent scheduled this execution with.</summary>
    public object? Tag { get; }
    /// <summary>When the execution started.</summary>
    public DateTimeOffset StartedAt { get; }
    /// <summary>When it completed, if it did.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }
    /// <summary>How often it faulted.</summary>
    public int FaultCount { get; private set; }
    /// <summary>Output values set during this execution.</summary>
    public Dictionary<string, object?>? OutputValues { get; private set; }
    /// <summary>Variables declared by this activity (containers and workflows), if any.</summary>
    internal VariableScope? Variables { get; set; }
    /// <summary>Inputs visible to expressions below this context (the workflow's or a workflow-as-activity's).</summary>
    internal IDictionary<string, object?>? InputScope { get; set; }
    /// <summary>Where SetOutput and unbound output references write (the workflow's or a workflow-as-activity's).</summary>
    internal IDictionary<string, object?>? OutputScope { get; set; }
    /// <summary>The graph of a workflow used as an activity, set on that activity's execution.</summary>
    internal WorkflowGraph? CompositeGraph { get; set; }
    /// <summary>Outcomes requested by script (<c>setOutcome</c>).</summary>
    internal List<string>? RequestedOutcomes { get; set; }
    internal int PendingWorkCount { get; private set; }
    internal IReadOnlyList<ActivityExecutionContext> ChildContexts => (IReadOnlyList<ActivityExecutionContext>?)_children ?? [];
    internal bool HasBookmarks => _bookmarks is { Count: > 0 };

    /// <summary>Whether children are running or queued (a flowchart waits for them before completing).</summary>
    internal bool HasPendingWork()
    {
        if (PendingWorkCount > 0)
        {
            return true;
        }

        if (_children is null)
        {
            return false;
        }

        foreach (var child in _children)
        {
            if (child.Status == ActivityStatus.Running)
            {
                return true;
            }
        }

        return false;
    }

    internal bool HasFaultedChildren() => _children?.Exists(c => c.Status == ActivityStatus.Faulted) == true;

    internal void IncrementPending() => PendingWorkCount++;
    internal void DecrementPending() => PendingWorkCount--;
    internal void ResetPending() => PendingWorkCount = 0;
    internal void AddChild(ActivityExecutionContext child) => (_children ??= []).Add(child);
    internal void RemoveChild(ActivityExecutionContext child) => _children?.Remove(child);

    /// <inheritdoc />
    public async ValueTask<T?> EvaluateAsync<T>(Input<T>? input)
    {
        if (input is null)
        {
            return default;
        }

        if (input.HasCachedLiteral)
        {
            return (T?)input.CachedLiteral;
        }

        var expression = input.Expression;
        var value = await EvaluateAsync(expression, typeof(T));
        if (expression.Type == ExpressionTypes.Literal)
        {
            // Definitions are immutable: convert a literal once and reuse it in every run.
            input.CachedLiteral = value;
            input.HasCachedLiteral = true;
        }

        return (T?)value;
    }

    /// <inheritdoc />
    public ValueTask<object?> EvaluateAsync(Expression expression, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return WorkflowContext.Graph.Expressions.EvaluateAsync(expression, targetType, this);
    }

    /// <summary>Evaluates an untyped input.</summary>
    public async ValueTask<object?> EvaluateInputAsync(Input? input)
    {
        if (input is null)
        {
            return null;
        }

        return input.HasCachedLiteral ? input.CachedLiteral : await EvaluateAsync(input.Expression, input.ValueType);
    }

    /// <inheritdoc />
    public void Set<T>(Output<T>? output, T? value)
    {
        if (output is null)
        {
            return;
        }

        var name = ActivityTypeInfo.Of(Activity.GetType()).FindOutput(Activity, output)?.Name ?? "Result";
        SetOutput(name, value, output.MemoryReferenceId);
    }

    /// <summary>Records an output value by name and writes it where the definition bound it.</summary>
    public void SetOutput(string name, object? value, string? memoryReferenceId)
    {
        ArgumentNullException.ThrowIfNull(name);
        (OutputValues ??= new(StringComparer.OrdinalIgnoreCase))[name] = value;
        if (!WorkflowContext.LastOutputs.TryGetValue(Activity.Id, out var outputs))
        {
            outputs = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            WorkflowContext.LastOutputs[Activity.Id] = outputs;
        }

        outputs[name] = value;
        WorkflowContext.LastResult = value;
        if (memoryReferenceId is null)
        {
            return;
        }

        // A memory reference names a variable (by id, as Studio writes it) or, failing that, a workflow output.
        if (!TrySetVariable(memoryReferenceId, value))
        {
            var scope = FindOutputScope();
            if (scope is not null)
            {
                scope[memoryReferenceId] = value;
            }
        }
    }

    /// <inheritdoc />
    public object? GetVariable(string idOrName) => TryGetVariable(idOrName, out var value) ? value : null;

    /// <summary>Reads a visible variable by id or name.</summary>
    public bool TryGetVariable(string idOrName, out object? value)
    {
        for (var context = this; context is not null; context = context.ParentContext)
        {
            if (context.Variables is { } scope && scope.TryGet(idOrName, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public void SetVariable(string idOrName, object? value)
    {
        if (!TrySetVariable(idOrName, value))
        {
            throw new InvalidOperationException($"Variable '{idOrName}' is not declared in scope of activity '{Activity.Id}'.");
        }
    }

    /// <summary>Writes a visible variable by id or name; false when none is visible.</summary>
    public bool TrySetVariable(string idOrName, object? value)
    {
        for (var context = this; context is not null; context = context.ParentContext)
        {
            if (context.Variables is { } scope && scope.TrySet(idOrName, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every variable visible from here, nearest scope first.</summary>
    public IEnumerable<(VariableDefinition Definition, object? Value)> VisibleVariables()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var context = this; context is not null; context = context.ParentContext)
        {
            if (context.Variables is not { } scope)
            {
                continue;
            }

            foreach (var (definition, value) in scope.Entries())
            {
                if (seen.Add(definition.Name))
                {
                    yield return (definition, value);
                }
            }
        }
    }

    /// <summary>The nearest workflow input scope.</summary>
    public IDictionary<string, object?> FindInputScope()
    {
        for (var context = this; context is not null; context = context.ParentContext)
        {
            if (context.InputScope is { } scope)
            {
                return scope;
            }
        }

        return WorkflowContext.Input;
    }

    /// <summary>The nearest output scope.</summary>
    public IDictionary<string, object?>? FindOutputScope()
    {
        for (var context = this; context is not null; context = context.ParentContext)
        {
            if (context.OutputScope is { } scope)
            {
                return scope;
            }
        }

        return WorkflowContext.Output;
    }

    /// <summary>The graph children of this execution belong to: its own when it runs a workflow used as an activity.</summary>
    internal WorkflowGraph CompositeGraphOrEnclosing() => CompositeGraph ?? EnclosingGraph();

    /// <summary>The definition graph this activity belongs to (a workflow used as an activity has its own).</summary>
    public WorkflowGraph EnclosingGraph()
    {
        for (var context = ParentContext; context is not null; context = context.ParentContext)
        {
            if (context.CompositeGraph is { } graph)
            {
                return graph;
            }
        }

        return WorkflowContext.Graph;
    }

    /// <summary>The latest output values of an activity (by id or name) in the enclosing definition.</summary>
    public IReadOnlyDictionary<string, object?>? GetActivityOutputs(string activityIdOrName)
    {
        var graph = EnclosingGraph();
        var id = graph.ActivitiesById.ContainsKey(activityIdOrName) ? activityIdOrName
            : graph.ActivitiesByName.TryGetValue(activityIdOrName, out var named) ? named.Id
            : activityIdOrName;
        return WorkflowContext.LastOutputs.GetValueOrDefault(id);
    }

    /// <summary>The value the last activity produced as an output (JavaScript's <c>getLastResult()</c>).</summary>
    public object? LastResult => WorkflowContext.LastResult;

    /// <summary>Asks the activity to complete with these outcomes (JavaScript's <c>setOutcome</c>/<c>setOutcomes</c>).</summary>
    public void RequestOutcomes(IEnumerable<string> outcomes) => RequestedOutcomes = [.. outcomes];

    internal Dictionary<string, object?> VariableValuesByName()
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (definition, value) in Variables?.Entries() ?? [])
        {
            // Lookups by name take the first declaration, so the view does too.
            values.TryAdd(definition.Name, value);
        }

        return values;
    }

    /// <inheritdoc />
    public void AddJournalEntry(string eventName, string? message = null, object? payload = null) =>
        WorkflowContext.AddJournal(this, eventName, message, payload);

    /// <inheritdoc />
    public override string ToString() => $"{Activity} #{Id} ({Status})";
}

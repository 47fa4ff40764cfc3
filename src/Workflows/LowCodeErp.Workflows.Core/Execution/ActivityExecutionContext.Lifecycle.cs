using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>Completion, cancellation, faults, bookmarks and scheduling.</summary>
public sealed partial class ActivityExecutionContext
{
    /// <inheritdoc />
    public ValueTask CompleteAsync(params string[] outcomes) =>
        CompleteWithOutcomesAsync(outcomes is { Length: > 0 } ? outcomes : Outcomes.Default);

    /// <inheritdoc />
    public async ValueTask CompleteWithOutcomesAsync(IReadOnlyList<string> outcomes)
    {
        if (Status != ActivityStatus.Running)
        {
            return;
        }

        // Transition first: children cancelled below must not see a running parent and re-enter its completion.
        Status = ActivityStatus.Completed;
        CompletedAt = WorkflowContext.Clock.GetUtcNow();
        await CancelChildrenAsync();
        WorkflowContext.WithdrawWorkOwnedBy(this);
        RemoveBookmarks();
        WorkflowContext.LiveContexts.Remove(Id);
        WorkflowContext.AddJournal(this, "Completed", payload: outcomes.Count == 1 && outcomes[0] == Outcomes.Done ? null : outcomes);

        var parent = ParentContext;
        if (parent is null)
        {
            // A faulted instance stays faulted even if the rest of the burst completes the flow (Elsa: no transition
            // out of a finished status).
            WorkflowContext.CompletedOutcomes = outcomes;
            if (WorkflowContext.Status != WorkflowStatus.Finished)
            {
                WorkflowContext.SubStatus = WorkflowSubStatus.Finished;
                WorkflowContext.FinishedAt = CompletedAt;
            }

            return;
        }

        parent.RemoveChild(this);
        if (parent.Status == ActivityStatus.Running)
        {
            var completion = new ChildCompletion(this, outcomes, Tag);
            await parent.RunGuardedAsync(static (p, c) => p.Activity.OnChildCompletedAsync(p, c), completion);
        }
    }

    /// <inheritdoc />
    public async ValueTask CancelAsync()
    {
        if (Status != ActivityStatus.Running)
        {
            return;
        }

        Status = ActivityStatus.Canceled;
        CompletedAt = WorkflowContext.Clock.GetUtcNow();
        WorkflowContext.WithdrawWorkOwnedBy(this);
        RemoveBookmarks();
        await CancelChildrenAsync();
        WorkflowContext.LiveContexts.Remove(Id);
        WorkflowContext.AddJournal(this, "Canceled");

        var parent = ParentContext;
        if (parent is null)
        {
            if (WorkflowContext.Status != WorkflowStatus.Finished)
            {
                WorkflowContext.SubStatus = WorkflowSubStatus.Cancelled;
                WorkflowContext.FinishedAt = CompletedAt;
            }

            return;
        }

        parent.RemoveChild(this);
        if (parent.Status == ActivityStatus.Running)
        {
            await parent.RunGuardedAsync(static (p, c) => p.Activity.OnSignalAsync(p, ActivityCanceledSignal.Instance, c).AsValueTaskVoid(), this);
        }
    }

    private async ValueTask CancelChildrenAsync()
    {
        if (_children is null)
        {
            return;
        }

        foreach (var child in _children.ToArray())
        {
            await child.CancelAsync();
        }
    }

    /// <summary>Marks this execution faulted, records an incident and applies the incident strategy.</summary>
    internal async ValueTask FaultAsync(Exception exception)
    {
        var workflow = WorkflowContext;
        FaultCount++;
        if (Status == ActivityStatus.Running)
        {
            Status = ActivityStatus.Faulted;
            workflow.WithdrawWorkOwnedBy(this);
            RemoveBookmarks();
            await CancelChildrenAsync();
            workflow.LiveContexts.Remove(Id);
        }

        var message = exception is ActivityFaultException fault ? fault.Message : exception.Message;
        workflow.Incidents.Add(new Incident(Activity.Id, Activity.NodeId ?? Activity.Id, Id, Activity.Type, message,
            ExceptionInfo.From(exception), workflow.Clock.GetUtcNow()));
        workflow.AddJournal(this, "Faulted", message);

        if (workflow.IncidentStrategy == IncidentStrategy.Fault)
        {
            // As in Elsa, the burst still drains work already queued (e.g. a sibling fork branch); the runner drops the
            // bookmarks of a finished instance at the end of the burst.
            workflow.SubStatus = WorkflowSubStatus.Faulted;
            workflow.FinishedAt = workflow.Clock.GetUtcNow();
        }
    }

    /// <inheritdoc />
    public Bookmark CreateBookmark(BookmarkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name ?? Activity.Type;
        var bookmark = new Bookmark
        {
            Id = Guid.NewGuid().ToString("N"),
            Name = name,
            Hash = BookmarkHasher.Hash(name, request.Payload, request.IncludeActivityInstanceId ? Id : null),
            Payload = request.Payload,
            ActivityId = Activity.Id,
            ActivityNodeId = Activity.NodeId ?? Activity.Id,
            ActivityInstanceId = Id,
            CreatedAt = WorkflowContext.Clock.GetUtcNow(),
            AutoBurn = request.AutoBurn,
        };
        (_bookmarks ??= []).Add(bookmark);
        WorkflowContext.Bookmarks.Add(bookmark);
        return bookmark;
    }

    internal void BurnBookmark(Bookmark bookmark)
    {
        _bookmarks?.Remove(bookmark);
        WorkflowContext.Bookmarks.Remove(bookmark);
    }

    private void RemoveBookmarks()
    {
        if (_bookmarks is null)
        {
            return;
        }

        foreach (var bookmark in _bookmarks)
        {
            WorkflowContext.Bookmarks.Remove(bookmark);
        }

        _bookmarks.Clear();
    }

    /// <inheritdoc />
    public ValueTask ScheduleAsync(Activity child, object? tag = null, IReadOnlyDictionary<string, object?>? input = null)
    {
        ArgumentNullException.ThrowIfNull(child);
        WorkflowContext.Enqueue(new WorkItem(this, child, tag, input));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask SendSignalAsync(object signal)
    {
        for (var receiver = ParentContext; receiver is not null; receiver = receiver.ParentContext)
        {
            if (receiver.Status == ActivityStatus.Running && await receiver.Activity.OnSignalAsync(receiver, signal, this))
            {
                return;
            }
        }
    }

    /// <summary>Runs the activity body, completing it afterwards when it is a code activity that did not finish itself.</summary>
    internal async ValueTask ExecuteAsync()
    {
        await Activity.ExecuteAsync(this);
        if (Activity.AutoComplete && Status == ActivityStatus.Running && !HasBookmarks && PendingWorkCount == 0 && _children is not { Count: > 0 })
        {
            await CompleteWithOutcomesAsync(RequestedOutcomes is { Count: > 0 } requested ? requested : Outcomes.Default);
        }
    }

    /// <summary>Runs activity code on behalf of this execution; an exception faults this execution.</summary>
    internal async ValueTask RunGuardedAsync<TState>(Func<ActivityExecutionContext, TState, ValueTask> action, TState state)
    {
        try
        {
            await action(this, state);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !CancellationToken.IsCancellationRequested)
        {
            await FaultAsync(ex);
        }
    }
}

/// <summary>Told to a composite when one of its children was cancelled (e.g. by a WaitAny join).</summary>
public sealed class ActivityCanceledSignal
{
    /// <summary>The shared instance.</summary>
    public static readonly ActivityCanceledSignal Instance = new();

    private ActivityCanceledSignal()
    {
    }
}

/// <summary>Thrown by Elsa.Fault and by activities that want a clean incident message.</summary>
public sealed class ActivityFaultException(string message, string? code = null, string? category = null) : Exception(message)
{
    /// <summary>Fault code.</summary>
    public string? Code { get; } = code;
    /// <summary>Fault category.</summary>
    public string? Category { get; } = category;
}

internal static class ValueTaskExtensions
{
    public static async ValueTask AsValueTaskVoid(this ValueTask<bool> task) => await task;
}

using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Expressions;
using LowCodeErp.Workflows.Core.Model;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>
/// Runs instances in memory: start a definition, resume a bookmark, cancel. Each call runs one burst — it drains the
/// instance's FIFO queue and returns when the instance finishes or waits on bookmarks. Persistence and locking are the
/// runtime's job; this class never blocks on anything but the activities themselves.
/// </summary>
public sealed partial class WorkflowRunner(IServiceProvider services, ExpressionEngine expressions, IOptions<WorkflowEngineOptions> options, TimeProvider clock, IEnumerable<IWorkflowObserver> observers)
{
    private readonly WorkflowEngineOptions _options = options.Value;

    /// <summary>Starts a new instance of <paramref name="definition"/> and runs it until it finishes or suspends.</summary>
    public async Task<WorkflowExecutionContext> RunAsync(WorkflowDefinition definition, RunOptions? runOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        runOptions ??= new RunOptions();
        var graph = WorkflowGraph.For(definition, expressions);
        var output = runOptions.StandardOutput ?? Console.Out;
        var workflow = new WorkflowExecutionContext(graph, services, runOptions, _options, clock, output, cancellationToken);
        foreach (var observer in observers)
        {
            observer.OnStarted(workflow);
        }

        workflow.Enqueue(new WorkItem(null, graph.Root));
        await RunBurstAsync(workflow);
        return workflow;
    }

    /// <summary>Resumes one bookmark of a suspended instance with an optional payload.</summary>
    public async Task ResumeAsync(WorkflowExecutionContext workflow, string bookmarkId, IReadOnlyDictionary<string, object?>? input = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var bookmark = workflow.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId)
                       ?? throw new BookmarkNotFoundException(bookmarkId);
        if (workflow.Status == WorkflowStatus.Finished || !workflow.LiveContexts.TryGetValue(bookmark.ActivityInstanceId, out var owner))
        {
            throw new BookmarkNotFoundException(bookmarkId);
        }

        if (bookmark.AutoBurn)
        {
            owner.BurnBookmark(bookmark);
        }

        workflow.CancellationToken = cancellationToken;
        workflow.Enqueue(new WorkItem(null, owner.Activity, ResumeContext: owner, Bookmark: bookmark, ResumeInput: input ?? new Dictionary<string, object?>()));
        await RunBurstAsync(workflow);
    }

    /// <summary>Resumes every bookmark of the instance whose hash matches the stimulus; returns how many were resumed.</summary>
    public async Task<int> ResumeStimulusAsync(WorkflowExecutionContext workflow, string name, object? payload, IReadOnlyDictionary<string, object?>? input = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var hash = BookmarkHasher.Hash(name, payload);
        var matching = workflow.Bookmarks.Where(b => b.Hash == hash).Select(b => b.Id).ToList();
        foreach (var bookmarkId in matching)
        {
            if (workflow.Bookmarks.Any(b => b.Id == bookmarkId))
            {
                await ResumeAsync(workflow, bookmarkId, input, cancellationToken);
            }
        }

        return matching.Count;
    }

    /// <summary>Cancels a running instance.</summary>
    public async Task CancelAsync(WorkflowExecutionContext workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        if (workflow.Status == WorkflowStatus.Finished)
        {
            return;
        }

        workflow.ClearQueue();
        if (workflow.RootContext is { } root)
        {
            await root.CancelAsync();
        }

        workflow.Bookmarks.Clear();
        workflow.SubStatus = WorkflowSubStatus.Cancelled;
        workflow.FinishedAt ??= clock.GetUtcNow();
    }

    private async Task RunBurstAsync(WorkflowExecutionContext workflow)
    {
        workflow.SubStatus = WorkflowSubStatus.Executing;
        workflow.ExecutionsThisBurst = 0;
        while (workflow.SubStatus is WorkflowSubStatus.Executing or WorkflowSubStatus.Faulted && workflow.TryDequeue(out var item))
        {
            workflow.CancellationToken.ThrowIfCancellationRequested();
            if (++workflow.ExecutionsThisBurst > _options.MaxActivityExecutionsPerBurst)
            {
                var culprit = item.ResumeContext ?? item.Owner ?? workflow.RootContext!;
                await culprit.FaultAsync(new InvalidOperationException(
                    $"More than {_options.MaxActivityExecutionsPerBurst} activity executions in one burst; the flow probably loops without end."));
                workflow.ClearQueue();
                break;
            }

            if (item.ResumeContext is { } resumed)
            {
                if (resumed.Status != ActivityStatus.Running)
                {
                    continue;
                }

                resumed.ResumeInput = item.ResumeInput ?? new Dictionary<string, object?>();
                workflow.AddJournal(resumed, "Resumed");
                await resumed.RunGuardedAsync(static (c, b) => c.Activity.OnResumeAsync(c, b), item.Bookmark!);
                continue;
            }

            var parent = item.Owner;
            if (parent is not null && parent.Status != ActivityStatus.Running)
            {
                continue;
            }

            var context = new ActivityExecutionContext(workflow, item.Activity, parent, item.Tag, item.Input);
            workflow.LiveContexts[context.Id] = context;
            parent?.AddChild(context);
            workflow.RootContext ??= context;
            workflow.AddJournal(context, "Started");
            await context.RunGuardedAsync(static (c, _) => c.ExecuteAsync(), 0);
        }

        if (workflow.SubStatus == WorkflowSubStatus.Executing)
        {
            workflow.SubStatus = WorkflowSubStatus.Suspended;
        }

        if (workflow.Status == WorkflowStatus.Finished)
        {
            // Nothing may resume a finished instance.
            workflow.Bookmarks.Clear();
        }
    }
}

/// <summary>Told about every instance the runner starts (child instances included): for hosts that track them.</summary>
public interface IWorkflowObserver
{
    /// <summary>An instance was created and is about to run its first burst.</summary>
    void OnStarted(WorkflowExecutionContext workflow);
}

/// <summary>The bookmark does not exist (any more): it was resumed already, or the instance moved on.</summary>
public sealed class BookmarkNotFoundException(string bookmarkId)
    : Exception($"Bookmark '{bookmarkId}' was not found; it may have been resumed already.")
{
    /// <summary>The bookmark id.</summary>
    public string BookmarkId { get; } = bookmarkId;
}

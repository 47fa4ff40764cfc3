using LowCodeErp.Workflows.Core.Activities.Events;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Runtime.Services;

// Stimulus delivery (Elsa research §3.3): bookmarks matching the hash are resumed (only those of instances with the
// correlation id, when one is given), and every published trigger with that hash starts a new instance.
public sealed partial class WorkflowRuntime
{
    // Bounds PublishEvent chains (A publishes to B publishes to A …) that would otherwise never end.
    private const int MaxDispatchDepth = 32;
    private static readonly AsyncLocal<int> DispatchDepth = new();

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkflowRunResult>> SendStimulusAsync(StimulusRequest stimulus, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stimulus);
        return WithOutboxAsync(() => DeliverAsync(stimulus, cancellationToken));
    }

    private async Task<IReadOnlyList<WorkflowRunResult>> DeliverAsync(StimulusRequest stimulus, CancellationToken cancellationToken)
    {
        var hash = BookmarkHasher.Hash(stimulus.Name, stimulus.Payload);
        // Bookmarks are read before triggers start instances, so a new instance's own bookmarks are not resumed too.
        var waiting = await bookmarks.FindByHashAsync(hash, stimulus.CorrelationId, cancellationToken);
        var matched = waiting.Count > 0;
        var results = new List<WorkflowRunResult>();
        foreach (var bookmark in waiting)
        {
            try
            {
                results.Add(await ResumeCoreAsync(bookmark.Id, stimulus.Input, cancellationToken));
            }
            catch (BookmarkNotFoundException)
            {
                // Resumed meanwhile by someone else: that delivery counts, this one has nothing left to do.
            }
        }

        foreach (var trigger in await triggers.FindByHashAsync(hash, cancellationToken))
        {
            if (await definitions.FindByVersionIdAsync(trigger.DefinitionVersionId, cancellationToken) is not { } definition)
            {
                continue;
            }

            matched = true;

            var request = new StartWorkflowRequest(definition.DefinitionId, Core.Model.VersionOptions.Published, stimulus.CorrelationId,
                stimulus.Input, TriggerActivityId: trigger.ActivityId);
            results.Add(await StartAsync(definition, request, cancellationToken));
        }

        if (!matched && stimulus.QueueIfUnmatched && services.GetService<BookmarkQueue>() is { } queue)
        {
            await queue.TryEnqueueAsync(stimulus, hash, cancellationToken);
        }

        return results;
    }

    /// <summary>Starts the indexed version of a trigger timer at its activity (used by <see cref="TimerService"/>).</summary>
    internal async Task<WorkflowRunResult?> StartTriggerAsync(TimerRecord timer, CancellationToken cancellationToken)
    {
        if (timer.DefinitionVersionId is null || await definitions.FindByVersionIdAsync(timer.DefinitionVersionId, cancellationToken) is not { } definition)
        {
            return null;
        }

        return await StartAsync(definition, new StartWorkflowRequest(definition.DefinitionId, Core.Model.VersionOptions.Published,
            TriggerActivityId: timer.ActivityId), cancellationToken);
    }

    /// <summary>Runs an operation with an outbox, then dispatches what it published (after its save and lock release).</summary>
    private async Task<T> WithOutboxAsync<T>(Func<Task<T>> operation)
    {
        var outbox = RuntimeStimulusSender.Open();
        T result;
        try
        {
            result = await operation();
        }
        finally
        {
            RuntimeStimulusSender.Close();
        }

        if (outbox.Stimuli.Count > 0 && DispatchDepth.Value < MaxDispatchDepth)
        {
            DispatchDepth.Value++;
            foreach (var stimulus in outbox.Stimuli)
            {
                // PublishEvent's events may overtake their receiver and wait for it. A finished child's notice to its
                // parent never waits: the parent's bookmark was saved before the child could finish.
                await SendStimulusAsync(new StimulusRequest(stimulus.Name, stimulus.Payload, stimulus.CorrelationId, stimulus.Input,
                    QueueIfUnmatched: stimulus.Name == EventPayload.StimulusName));
            }
        }

        await RunDispatchedAsync(outbox.Runs);
        return result;
    }

    /// <summary>
    /// First bursts of committed start markers (DispatchWorkflow children): on the background dispatcher when the host
    /// has one (any replica runs them), otherwise here, now that the parent's lock is released.
    /// </summary>
    private async Task RunDispatchedAsync(List<string> instanceIds)
    {
        if (instanceIds.Count == 0)
        {
            return;
        }

        var background = services.GetService<Dispatch.IBackgroundWorkflowDispatcher>();
        foreach (var instanceId in instanceIds)
        {
            if (background is not null)
            {
                await background.DispatchPendingAsync(instanceId);
            }
            else
            {
                await RunPendingAsync(instanceId);
            }
        }
    }
}

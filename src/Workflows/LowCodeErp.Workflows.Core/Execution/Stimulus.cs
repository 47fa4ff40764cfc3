using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>Something that can resume bookmarks or start triggered workflows: a name, a payload (hashed), and the resume input.</summary>
public sealed record Stimulus(string Name, object? Payload, string? CorrelationId, IReadOnlyDictionary<string, object?> Input)
{
    /// <summary>The hash bookmarks and triggers are indexed by.</summary>
    public string Hash { get; } = BookmarkHasher.Hash(Name, Payload);
}

/// <summary>Delivers stimuli beyond the current instance (the runtime implements it over the database and the bus).</summary>
public interface IStimulusSender
{
    /// <summary>Delivers a stimulus; <paramref name="source"/> is the instance that sent it.</summary>
    ValueTask SendAsync(Stimulus stimulus, WorkflowExecutionContext source);
}

public sealed partial class ActivityExecutionContext
{
    internal void EnqueueResume(Bookmark bookmark, IReadOnlyDictionary<string, object?> input)
    {
        if (bookmark.AutoBurn)
        {
            BurnBookmark(bookmark);
        }

        WorkflowContext.Enqueue(new WorkItem(null, Activity, ResumeContext: this, Bookmark: bookmark, ResumeInput: input));
    }
}

/// <summary>Local delivery inside one instance.</summary>
public static class LocalStimulusDelivery
{
    /// <summary>Queues a resume for every bookmark of this instance that the stimulus matches; returns how many.</summary>
    public static int DeliverLocally(this WorkflowExecutionContext workflow, Stimulus stimulus)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(stimulus);
        if (stimulus.CorrelationId is not null && !string.Equals(stimulus.CorrelationId, workflow.CorrelationId, StringComparison.Ordinal))
        {
            return 0;
        }

        var matches = workflow.Bookmarks.Where(b => b.Hash == stimulus.Hash).ToList();
        foreach (var bookmark in matches)
        {
            if (workflow.LiveContexts.TryGetValue(bookmark.ActivityInstanceId, out var owner))
            {
                owner.EnqueueResume(bookmark, stimulus.Input);
            }
        }

        return matches.Count;
    }
}

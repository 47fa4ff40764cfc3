using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>
/// Durable operations on instances: each call loads what it needs, runs one burst under the instance's lock, and
/// persists state, bookmarks, incidents and the journal before it returns.
/// </summary>
public interface IWorkflowRuntime
{
    /// <summary>Starts a new instance of a stored definition.</summary>
    Task<WorkflowRunResult> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default);

    /// <summary>Resumes one bookmark; throws <see cref="BookmarkNotFoundException"/> when it was resumed already or never existed.</summary>
    Task<WorkflowRunResult> ResumeAsync(string bookmarkId, IReadOnlyDictionary<string, object?>? input = null, CancellationToken cancellationToken = default);

    /// <summary>Delivers a stimulus: resumes matching bookmarks and starts instances of matching published triggers.</summary>
    Task<IReadOnlyList<WorkflowRunResult>> SendStimulusAsync(StimulusRequest stimulus, CancellationToken cancellationToken = default);

    /// <summary>Cancels an instance; null when it does not exist.</summary>
    Task<WorkflowRunResult?> CancelAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Operator retry: re-runs the faulted activity of an incident of a faulted (or suspended) instance.</summary>
    Task<WorkflowRunResult> RetryAsync(string instanceId, string? activityInstanceId = null, CancellationToken cancellationToken = default);
}

/// <summary>What to start.</summary>
/// <param name="DefinitionId">Logical definition id.</param>
/// <param name="Version">Which version (Published by default; Studio's "Run" passes Latest).</param>
/// <param name="CorrelationId">Business key.</param>
/// <param name="Input">Workflow input.</param>
/// <param name="InstanceId">Pre-chosen instance id (the API returns it before the run ends).</param>
/// <param name="TriggerActivityId">The trigger that starts the instance, if any.</param>
public sealed record StartWorkflowRequest(
    string DefinitionId,
    VersionOptions Version,
    string? CorrelationId = null,
    IReadOnlyDictionary<string, object?>? Input = null,
    string? InstanceId = null,
    string? TriggerActivityId = null);

/// <summary>
/// A stimulus from outside: name + payload (hashed), optional correlation id, and the resume input. With
/// <paramref name="QueueIfUnmatched"/> (events: the API's, the bus's and PublishEvent's), one that finds no bookmark and
/// no trigger waits in the <see cref="BookmarkQueue"/> for a matching bookmark. Opt-in: an HTTP request that matches
/// nothing must get its 404 and be forgotten, not resume a guarded endpoint a minute later.
/// </summary>
public sealed record StimulusRequest(string Name, object? Payload, string? CorrelationId = null, IReadOnlyDictionary<string, object?>? Input = null,
    bool QueueIfUnmatched = false);

/// <summary>How an instance stands after a call.</summary>
public sealed record WorkflowRunResult(
    string InstanceId,
    string DefinitionId,
    string DefinitionVersionId,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    IReadOnlyList<Bookmark> Bookmarks,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyDictionary<string, object?> Output);

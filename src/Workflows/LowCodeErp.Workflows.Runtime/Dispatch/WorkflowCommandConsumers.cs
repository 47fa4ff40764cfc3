using System.Text.Json;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Activities.Events;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Services;
using MassTransit;

namespace LowCodeErp.Workflows.Runtime.Dispatch;

// Thin consumers: each hands its command to the runtime, which owns locking, persistence and idempotency.

/// <summary>Runs a dispatched start (a no-op when recovery or another replica ran it already).</summary>
public sealed class RunWorkflowInstanceConsumer(WorkflowRuntime runtime) : IConsumer<RunWorkflowInstance>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<RunWorkflowInstance> context) =>
        runtime.RunPendingAsync(context.Message.InstanceId, context.CancellationToken);
}

/// <summary>Resumes a bookmark; one resumed meanwhile means the work is done.</summary>
public sealed class ResumeWorkflowBookmarkConsumer(IWorkflowRuntime runtime) : IConsumer<ResumeWorkflowBookmark>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<ResumeWorkflowBookmark> context)
    {
        try
        {
            await runtime.ResumeAsync(context.Message.BookmarkId, WorkflowCommandInput.Read(context.Message.InputJson), context.CancellationToken);
        }
        catch (BookmarkNotFoundException)
        {
            // Somebody resumed it first (or a redelivery): exactly-once is the runtime's job, and it has done it.
        }
    }
}

/// <summary>Delivers an event to waiting instances and Event triggers.</summary>
public sealed class DeliverWorkflowEventConsumer(IWorkflowRuntime runtime) : IConsumer<DeliverWorkflowEvent>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<DeliverWorkflowEvent> context) =>
        runtime.SendStimulusAsync(new StimulusRequest(EventPayload.StimulusName, new EventPayload(context.Message.EventName), context.Message.CorrelationId,
            WorkflowCommandInput.Read(context.Message.InputJson), QueueIfUnmatched: true), context.CancellationToken);
}

/// <summary>
/// Input carried as JSON (the bus's commands and the bookmark queue): written from the caller's values, read back as the
/// plain values immediate delivery passes.
/// </summary>
internal static class WorkflowCommandInput
{
    public static string? Write(IReadOnlyDictionary<string, object?>? input) =>
        input is null ? null : JsonSerializer.Serialize(input, SerializerOptions.Default);

    public static Dictionary<string, object?>? Read(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json, SerializerOptions.Default)?
            .ToDictionary(p => p.Key, p => ValueConversion.FromElement(p.Value));
}

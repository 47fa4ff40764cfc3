using LowCodeErp.Workflows.Runtime.Services;
using MassTransit;

namespace LowCodeErp.Workflows.Runtime.Dispatch;

/// <summary>Dispatch over MassTransit (in-memory transport embedded, RabbitMQ distributed: the host decides).</summary>
internal sealed class BusWorkflowDispatcher(WorkflowRuntime runtime, IBus bus) : IBackgroundWorkflowDispatcher
{
    public async Task<string> DispatchStartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        var instanceId = await runtime.PrepareStartAsync(request, cancellationToken);
        // Published after the marker is saved; if the process dies in between, start-up recovery runs the marker.
        await bus.Publish(new RunWorkflowInstance(instanceId), cancellationToken);
        return instanceId;
    }

    public Task DispatchPendingAsync(string instanceId, CancellationToken cancellationToken = default) =>
        bus.Publish(new RunWorkflowInstance(instanceId), cancellationToken);

    public Task DispatchResumeAsync(string bookmarkId, IReadOnlyDictionary<string, object?>? input = null, CancellationToken cancellationToken = default) =>
        bus.Publish(new ResumeWorkflowBookmark(bookmarkId, WorkflowCommandInput.Write(input)), cancellationToken);

    public Task DispatchEventAsync(string eventName, string? correlationId = null, IReadOnlyDictionary<string, object?>? input = null,
        CancellationToken cancellationToken = default) =>
        bus.Publish(new DeliverWorkflowEvent(eventName, correlationId, WorkflowCommandInput.Write(input)), cancellationToken);
}

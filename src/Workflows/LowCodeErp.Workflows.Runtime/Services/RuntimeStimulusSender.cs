using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>
/// <see cref="IStimulusSender"/> for non-local PublishEvent. Delivering inside the burst would re-enter the runtime
/// while the sender holds its instance lock and has not saved (a self-addressed event would deadlock, and a receiver
/// could act on a sender that then rolls back). So stimuli are collected in an outbox that the runtime operation
/// opened, and dispatched through <see cref="IWorkflowRuntime.SendStimulusAsync"/> after the burst is saved.
/// </summary>
internal sealed class RuntimeStimulusSender : IStimulusSender
{
    private static readonly AsyncLocal<List<Stimulus>?> Outbox = new();
    // Instances whose start marker an operation committed (DispatchWorkflow children): run once the operation ends.
    private static readonly AsyncLocal<List<string>?> Runs = new();

    /// <inheritdoc />
    public ValueTask SendAsync(Stimulus stimulus, WorkflowExecutionContext source)
    {
        if (Outbox.Value is { } outbox)
        {
            outbox.Add(stimulus);
        }
        else
        {
            // The runner used without the runtime (tests, tools): the engine's own behaviour.
            source.DeliverLocally(stimulus);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Opens an outbox for the current async flow (an operation's own: nested operations get theirs).</summary>
    public static (List<Stimulus> Stimuli, List<string> Runs) Open()
    {
        var outbox = new List<Stimulus>();
        var runs = new List<string>();
        Outbox.Value = outbox;
        Runs.Value = runs;
        return (outbox, runs);
    }

    /// <summary>Closes it (the caller restores the outer flow's outbox by returning from its async method).</summary>
    public static void Close()
    {
        Outbox.Value = null;
        Runs.Value = null;
    }

    /// <summary>Adds a stimulus the runtime itself sends (a child resuming its parent) to the open outbox.</summary>
    public static void Post(Stimulus stimulus) => Outbox.Value?.Add(stimulus);

    /// <summary>Queues the first burst of a committed start marker for after the operation.</summary>
    public static void QueueRun(string instanceId) => Runs.Value?.Add(instanceId);
}

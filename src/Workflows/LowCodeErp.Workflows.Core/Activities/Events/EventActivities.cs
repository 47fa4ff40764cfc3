using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Core.Activities.Events;

/// <summary>Bookmark payload of Event: only the name takes part in the hash, so any instance waiting on it matches.</summary>
public sealed record EventPayload(string EventName)
{
    /// <summary>The stimulus name of Event bookmarks and triggers (PublishEvent, the events API, the bus).</summary>
    public const string StimulusName = "Elsa.Event";
}

/// <summary>Bookmark payload of RunTask.</summary>
public sealed record RunTaskPayload(string TaskId);

/// <summary>Waits for a named event; as a trigger, a published event starts an instance.</summary>
[Activity("Elsa", "Event", Category = "Primitives", Kind = ActivityKind.Trigger, Description = "Wait for an event to be published.")]
public sealed class Event : Activity, ITrigger
{
    /// <summary>The event name.</summary>
    [Input(Description = "The name of the event to listen for.", IsRequired = true)]
    public Input<string>? EventName { get; set; }

    /// <summary>The event payload.</summary>
    [Output(Description = "The payload the event was published with.")]
    public Output<object> Result { get; set; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (context.Workflow.TryConsumeTrigger(Id))
        {
            context.Set(Result, context.Workflow.Input.TryGetValue("Payload", out var payload) ? payload : null);
            await context.CompleteAsync();
            return;
        }

        var name = await context.EvaluateAsync(EventName) ?? throw new InvalidOperationException("Event needs a name.");
        context.CreateBookmark(new BookmarkRequest(EventPayload.StimulusName, new EventPayload(name), IncludeActivityInstanceId: false));
    }

    /// <inheritdoc />
    public override ValueTask OnResumeAsync(IActivityExecutionContext context, Bookmark bookmark)
    {
        context.Set(Result, context.ResumeInput.TryGetValue("Payload", out var payload) ? payload : null);
        return context.CompleteAsync();
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<object>> GetTriggerPayloadsAsync(IActivityExecutionContext context) =>
        [new EventPayload(await context.EvaluateAsync(EventName) ?? "")];
}

/// <summary>Publishes an event to the instances (or only this instance) waiting on it.</summary>
[Activity("Elsa", "PublishEvent", Category = "Primitives", DisplayName = "Publish Event", Description = "Publishes an event.")]
public sealed class PublishEvent : CodeActivity
{
    /// <summary>The event name.</summary>
    [Input(Description = "The name of the event to publish.", IsRequired = true)]
    public Input<string>? EventName { get; set; }

    /// <summary>Only instances with this correlation id receive it.</summary>
    [Input(Description = "The correlation id of the instances to deliver to.")]
    public Input<string>? CorrelationId { get; set; }

    /// <summary>Deliver only to this instance.</summary>
    [Input(Description = "Deliver the event only to the current workflow instance.", DefaultValue = false)]
    public Input<bool> IsLocalEvent { get; set; } = new(false);

    /// <summary>The payload.</summary>
    [Input(Description = "The payload to send with the event.", UIHint = UIHints.JsonEditor)]
    public Input<object>? Payload { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var name = await context.EvaluateAsync(EventName) ?? throw new InvalidOperationException("PublishEvent needs a name.");
        var stimulus = new Stimulus(EventPayload.StimulusName, new EventPayload(name), await context.EvaluateAsync(CorrelationId),
            new Dictionary<string, object?> { ["Payload"] = await context.EvaluateAsync(Payload) });
        var own = (ActivityExecutionContext)context;
        if (await context.EvaluateAsync(IsLocalEvent))
        {
            own.WorkflowContext.DeliverLocally(stimulus);
            return;
        }

        var sender = (IStimulusSender?)context.Services.GetService(typeof(IStimulusSender));
        if (sender is null)
        {
            own.WorkflowContext.DeliverLocally(stimulus);
            return;
        }

        await sender.SendAsync(stimulus, own.WorkflowContext);
    }
}

/// <summary>Hands work to an external worker (or person) and waits for <c>POST /tasks/{taskId}/complete</c>.</summary>
[Activity("Elsa", "RunTask", Category = "Primitives", DisplayName = "Run Task", Description = "Request a task to be executed and wait for its completion.")]
public sealed class RunTask : Activity
{
    /// <summary>The task name.</summary>
    [Input(Description = "The name of the task being requested.", IsRequired = true)]
    public Input<string>? TaskName { get; set; }

    /// <summary>Parameters for the task.</summary>
    [Input(Description = "Any additional parameters to send to the task.", UIHint = UIHints.JsonEditor)]
    public Input<object>? Payload { get; set; }

    /// <summary>The task id.</summary>
    [Output(Description = "The ID of the task that was requested.")]
    public Output<string> TaskId { get; set; } = new();

    /// <summary>What the task returned.</summary>
    [Output(Description = "The result of the task.")]
    public Output<object> Result { get; set; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var taskId = Guid.NewGuid().ToString("N");
        context.Set(TaskId, taskId);
        var name = await context.EvaluateAsync(TaskName) ?? throw new InvalidOperationException("RunTask needs a task name.");
        context.CreateBookmark(new BookmarkRequest("Elsa.RunTask", new RunTaskPayload(taskId), IncludeActivityInstanceId: false));
        if (context.Services.GetService(typeof(ITaskRequestSink)) is ITaskRequestSink sink)
        {
            await sink.RequestAsync(new TaskRequest(context.Workflow.InstanceId, taskId, name, await context.EvaluateAsync(Payload)), context.CancellationToken);
        }
    }

    /// <inheritdoc />
    public override ValueTask OnResumeAsync(IActivityExecutionContext context, Bookmark bookmark)
    {
        context.Set(Result, context.ResumeInput.TryGetValue("RunTaskInput", out var value) ? value : context.ResumeInput.GetValueOrDefault("Result"));
        return context.CompleteAsync();
    }
}

/// <summary>A request for external work made by RunTask.</summary>
public sealed record TaskRequest(string WorkflowInstanceId, string TaskId, string TaskName, object? Payload);

/// <summary>Receives RunTask requests (a webhook, a queue, the inbox).</summary>
public interface ITaskRequestSink
{
    /// <summary>Hands the request over.</summary>
    ValueTask RequestAsync(TaskRequest request, CancellationToken cancellationToken);
}

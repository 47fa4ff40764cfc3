using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Core.Activities.Composition;

/// <summary>What a child instance ended with, as ExecuteWorkflow and DispatchWorkflow return it.</summary>
public sealed record ExecuteWorkflowResult(string WorkflowInstanceId, WorkflowStatus Status, WorkflowSubStatus SubStatus, IDictionary<string, object?> Output);

/// <summary>Bookmark payload while waiting for a child instance.</summary>
public sealed record ChildInstancePayload(string ChildInstanceId);

/// <summary>Shared inputs of ExecuteWorkflow and DispatchWorkflow.</summary>
public abstract class ChildWorkflowActivity : Activity
{
    /// <summary>The child definition.</summary>
    [Input(Description = "The definition ID of the workflow to run.", UIHint = UIHints.WorkflowDefinitionPicker, IsRequired = true)]
    public Input<string>? WorkflowDefinitionId { get; set; }

    /// <summary>Correlation id of the child; the parent's when empty.</summary>
    [Input(Description = "The correlation ID to associate the child instance with.")]
    public Input<string>? CorrelationId { get; set; }

    /// <summary>Input of the child.</summary>
    [Input(Description = "The input to send to the workflow.", UIHint = UIHints.Dictionary)]
    public Input<IDictionary<string, object>>? Input { get; set; }

    /// <summary>Wait until the child finishes.</summary>
    [Input(Description = "Wait for the child workflow to complete before completing this activity.", DefaultValue = false)]
    public Input<bool> WaitForCompletion { get; set; } = new(false);

    /// <summary>What the child ended with.</summary>
    [Output(Description = "The result of the child workflow.")]
    public Output<ExecuteWorkflowResult> Result { get; set; } = new();

    /// <summary>Resolves the child definition and its run options.</summary>
    protected async ValueTask<(WorkflowDefinition Definition, RunOptions Options)> PrepareAsync(IActivityExecutionContext context)
    {
        var definitionId = await context.EvaluateAsync(WorkflowDefinitionId) ?? throw new InvalidOperationException($"{Type} needs a workflow definition id.");
        var provider = context.Services.GetRequiredService<IWorkflowDefinitionProvider>();
        var definition = await provider.FindAsync(definitionId, VersionOptions.Published, context.CancellationToken)
                         ?? throw new InvalidOperationException($"No published workflow definition '{definitionId}'.");
        var parent = ((ActivityExecutionContext)context).WorkflowContext;
        var input = await context.EvaluateAsync(Input);
        var options = new RunOptions
        {
            CorrelationId = await context.EvaluateAsync(CorrelationId) is { Length: > 0 } correlationId ? correlationId : parent.CorrelationId,
            Input = input?.ToDictionary(kv => kv.Key, kv => (object?)kv.Value),
            ParentInstanceId = parent.InstanceId,
            StandardOutput = parent.StandardOutput,
            FlowchartMode = parent.FlowchartMode,
        };
        return (definition, options);
    }

    /// <summary>
    /// Completes with the child's result, or waits for the child when asked to: the bookmark (named after this activity
    /// type, payload = the child's id) is resumed with <c>WorkflowOutput</c> when the child finishes.
    /// </summary>
    protected async ValueTask CompleteOrWaitAsync(IActivityExecutionContext context, ExecuteWorkflowResult child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Status == WorkflowStatus.Finished || !await context.EvaluateAsync(WaitForCompletion))
        {
            context.Set(Result, child);
            await context.CompleteAsync();
            return;
        }

        context.CreateBookmark(new BookmarkRequest(Type, new ChildInstancePayload(child.WorkflowInstanceId), IncludeActivityInstanceId: false));
    }

    /// <summary>What a run child ended its first burst with.</summary>
    protected static ExecuteWorkflowResult ResultOf(WorkflowExecutionContext child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return new ExecuteWorkflowResult(child.InstanceId, child.Status, child.SubStatus, child.Output);
    }

    /// <inheritdoc />
    public override ValueTask OnResumeAsync(IActivityExecutionContext context, Bookmark bookmark)
    {
        var output = context.ResumeInput.TryGetValue("WorkflowOutput", out var value) && value is IDictionary<string, object?> map ? map : new Dictionary<string, object?>();
        var payload = ValueConversion.Convert<ChildInstancePayload>(bookmark.Payload);
        context.Set(Result, new ExecuteWorkflowResult(payload?.ChildInstanceId ?? "", WorkflowStatus.Finished, WorkflowSubStatus.Finished, output));
        return context.CompleteAsync();
    }
}

/// <summary>Runs another published workflow as a separate instance, inline.</summary>
[Activity("Elsa", "ExecuteWorkflow", Category = "Composition", Kind = ActivityKind.Task, DisplayName = "Execute Workflow", Description = "Execute a new workflow instance of the specified workflow and optionally wait for it to complete.")]
public sealed class ExecuteWorkflow : ChildWorkflowActivity
{
    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var (definition, options) = await PrepareAsync(context);
        var runner = context.Services.GetRequiredService<WorkflowRunner>();
        var child = await runner.RunAsync(definition, options, context.CancellationToken);
        // A durable runtime persists the child with the parent's burst (see WorkflowExecutionContext.InlineChildren).
        ((ActivityExecutionContext)context).WorkflowContext.InlineChildren.Add(child);
        await CompleteOrWaitAsync(context, ResultOf(child));
    }
}

/// <summary>Starts another published workflow through the dispatcher (in the background in a server).</summary>
[Activity("Elsa", "DispatchWorkflow", Category = "Composition", DisplayName = "Dispatch Workflow", Description = "Create a new workflow instance of the specified workflow and dispatch it for execution.")]
public sealed class DispatchWorkflow : ChildWorkflowActivity
{
    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var (definition, options) = await PrepareAsync(context);
        var dispatcher = context.Services.GetRequiredService<IWorkflowDispatcher>();
        var child = await dispatcher.DispatchAsync(definition, options, ((ActivityExecutionContext)context).WorkflowContext, context.CancellationToken);
        await CompleteOrWaitAsync(context, child);
    }
}

/// <summary>Starts instances on behalf of DispatchWorkflow. The in-memory default runs them at once; the runtime queues them.</summary>
public interface IWorkflowDispatcher
{
    /// <summary>Starts an instance of <paramref name="definition"/> for <paramref name="parent"/> and returns its state after
    /// the first burst, or as queued.</summary>
    Task<ExecuteWorkflowResult> DispatchAsync(WorkflowDefinition definition, RunOptions options, WorkflowExecutionContext parent, CancellationToken cancellationToken);
}

/// <summary>Runs dispatched workflows immediately in this process.</summary>
public sealed class InlineWorkflowDispatcher(IServiceProvider services) : IWorkflowDispatcher
{
    /// <inheritdoc />
    public async Task<ExecuteWorkflowResult> DispatchAsync(WorkflowDefinition definition, RunOptions options, WorkflowExecutionContext parent, CancellationToken cancellationToken)
    {
        var child = await services.GetRequiredService<WorkflowRunner>().RunAsync(definition, options, cancellationToken);
        return new ExecuteWorkflowResult(child.InstanceId, child.Status, child.SubStatus, child.Output);
    }
}

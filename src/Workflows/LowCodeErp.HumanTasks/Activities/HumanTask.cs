using LowCodeErp.HumanTasks.Engine;
using LowCodeErp.HumanTasks.Forms;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.HumanTasks.Activities;

/// <summary>
/// A task for a person: the instance waits until someone completes it in the inbox and continues down the port named
/// by the chosen outcome. Optional escalation after a duration re-assigns the task to a role, or (with
/// <see cref="TakeEscalatedPort"/>) ends it and continues down <c>Escalated</c>.
/// </summary>
[Activity("Erp", "HumanTask", Category = "Human tasks", DisplayName = "Human Task",
    Description = "Asks a person to complete a form and choose an outcome; waits until the task is completed in the inbox.")]
public sealed class HumanTask : Activity
{
    /// <summary>The activity type name.</summary>
    public const string TypeName = "Erp.HumanTask";

    /// <summary>The port escalation takes when <see cref="TakeEscalatedPort"/> is set.</summary>
    public const string EscalatedOutcome = "Escalated";

    private const string TaskIdProperty = "TaskId";

    /// <summary>Title shown in the inbox.</summary>
    [Input(Description = "Title shown in the inbox, e.g. \"Check lease application {{ Variables.ApplicationNo }}\".", UIHint = UIHints.SingleLine, IsRequired = true, Category = "Task", Order = 1)]
    public Input<string>? Title { get; set; }

    /// <summary>What to do.</summary>
    [Input(Description = "Instructions for the person working on the task.", UIHint = UIHints.MultiLine, Category = "Task", Order = 2)]
    public Input<string>? Description { get; set; }

    /// <summary>The form schema.</summary>
    [Input(Description = "The form: {\"fields\": [{\"name\", \"label\", \"type\": text|textarea|number|money|date|select|checkbox|file, \"required\", \"min\", \"max\", \"pattern\", \"options\", \"default\"}]}. A default may be an expression {\"type\": \"JavaScript\", \"value\": \"…\"}.",
        UIHint = UIHints.JsonEditor, Category = "Form", Order = 3)]
    public Input<object>? Form { get; set; }

    /// <summary>The user the task is assigned to.</summary>
    [Input(Description = "User name the task is assigned to (skipped when excluded).", UIHint = UIHints.SingleLine, Category = "Assignment", Order = 4)]
    public Input<string>? Assignee { get; set; }

    /// <summary>Users who may claim the task.</summary>
    [Input(Description = "User names who may claim the task.", UIHint = UIHints.MultiText, Category = "Assignment", Order = 5)]
    public Input<object>? CandidateUsers { get; set; }

    /// <summary>Roles whose members may claim the task.</summary>
    [Input(Description = "Roles whose members may claim the task, e.g. underwriter.", UIHint = UIHints.MultiText, Category = "Assignment", Order = 6)]
    public Input<object>? CandidateRoles { get; set; }

    /// <summary>4-eyes: users who may never work on the task.</summary>
    [Input(Description = "Users who may never claim or complete the task (4-eyes), e.g. the initiator.", UIHint = UIHints.MultiText, Category = "Assignment", Order = 7)]
    public Input<object>? ExcludedUsers { get; set; }

    /// <summary>Priority, 0–100.</summary>
    [Input(Description = "Priority from 0 (low) to 100 (urgent).", DefaultValue = 50, Category = "Task", Order = 8)]
    public Input<int> Priority { get; set; } = new(50);

    /// <summary>When the task is due.</summary>
    [Input(Description = "Due date: a date (2026-12-01T12:00:00Z) or a duration from now (P3D, PT4H, 3.00:00:00, 15m).", UIHint = UIHints.SingleLine, Category = "Task", Order = 9)]
    public Input<string>? DueIn { get; set; }

    /// <summary>The outcomes (buttons and ports).</summary>
    [Input(Description = "The outcomes the person chooses from; each becomes a port.", UIHint = UIHints.DynamicOutcomes, DefaultValue = new[] { "Done" }, Category = "Outcomes", Order = 10)]
    public Input<List<string>>? Outcomes { get; set; }

    /// <summary>Outcomes that need a comment.</summary>
    [Input(Description = "Outcomes that require a comment, e.g. Reject.", UIHint = UIHints.MultiText, Category = "Outcomes", Order = 11)]
    public Input<object>? CommentRequiredFor { get; set; }

    /// <summary>Escalate after this long.</summary>
    [Input(Description = "Escalate when the task is still open after this duration (PT4H, 2d, …).", UIHint = UIHints.SingleLine, Category = "Escalation", Order = 12)]
    public Input<string>? EscalateAfter { get; set; }

    /// <summary>Role the task is re-assigned to on escalation.</summary>
    [Input(Description = "Role the task is re-assigned to on escalation (it becomes unassigned for that role).", UIHint = UIHints.SingleLine, Category = "Escalation", Order = 13)]
    public Input<string>? EscalateTo { get; set; }

    /// <summary>End the task on escalation and continue down Escalated.</summary>
    [Input(Description = "On escalation, end the task and continue down the Escalated port (add Escalated to the outcomes to draw it).", DefaultValue = false, Category = "Escalation", Order = 14)]
    public Input<bool> TakeEscalatedPort { get; set; } = new(false);

    /// <summary>The chosen outcome.</summary>
    [Output(Description = "The outcome the person chose.")]
    public Output<string> Outcome { get; set; } = new();

    /// <summary>The submitted form data.</summary>
    [Output(Description = "The submitted form data (an object keyed by field name).")]
    public Output<object> FormData { get; set; } = new();

    /// <summary>Who completed the task.</summary>
    [Output(Description = "User name of whoever completed the task.")]
    public Output<string> CompletedBy { get; set; } = new();

    /// <summary>The comment.</summary>
    [Output(Description = "The completion comment.")]
    public Output<string> Comment { get; set; } = new();

    /// <summary>The task id.</summary>
    [Output(Description = "The id of the task in the inbox.")]
    public Output<string> TaskId { get; set; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var now = context.Workflow.Clock.GetUtcNow();
        var outcomes = (await context.EvaluateAsync(Outcomes) ?? [Workflows.Abstractions.Outcomes.Done])
            .Where(o => o != EscalatedOutcome).Distinct(StringComparer.Ordinal).ToList();
        var spec = new TaskSpec(
            await context.EvaluateAsync(Title) is { Length: > 0 } title ? title : throw new InvalidOperationException("HumanTask needs a title."),
            await context.EvaluateAsync(Description),
            await TaskSpec.ResolveDefaultsAsync(context, FormSchema.Parse(await context.EvaluateAsync(Form))),
            await context.EvaluateAsync(Assignee) is { Length: > 0 } assignee ? assignee : null,
            InputValues.Names(await context.EvaluateAsync(CandidateUsers)),
            InputValues.Names(await context.EvaluateAsync(CandidateRoles)),
            InputValues.Names(await context.EvaluateAsync(ExcludedUsers)),
            Math.Clamp(await context.EvaluateAsync(Priority), 0, 100),
            InputValues.Moment(await context.EvaluateAsync(DueIn), now),
            outcomes,
            InputValues.Names(await context.EvaluateAsync(CommentRequiredFor)));
        var taskId = spec.Open(context);
        context.Properties[TaskIdProperty] = taskId;
        context.Set(TaskId, taskId);
        if (await context.EvaluateAsync(EscalateAfter) is { Length: > 0 } after)
        {
            var due = InputValues.Moment(after, now)!.Value;
            context.CreateBookmark(new BookmarkRequest(HumanTaskBookmark.EscalationTimerName, new EscalationPayload(due)));
        }
    }

    /// <inheritdoc />
    public override async ValueTask OnResumeAsync(IActivityExecutionContext context, Bookmark bookmark)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        var outbox = context.GetRequiredService<TaskOutbox>();
        var taskId = context.Properties.TryGetValue(TaskIdProperty, out var id) ? Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture)! : "";
        if (bookmark.Name == HumanTaskBookmark.EscalationTimerName)
        {
            await EscalateAsync(context, outbox, taskId);
            return;
        }

        var completion = TaskCompletion.FromResumeInput(context.ResumeInput)
                         ?? throw new InvalidOperationException("A human task is resumed only by completing it in the inbox.");
        outbox.Add(context.Workflow, new CompleteTaskCommand(taskId, completion));
        context.Set(Outcome, completion.Outcome);
        context.Set(FormData, FormValues.ToPlain(completion.Data));
        context.Set(CompletedBy, completion.CompletedBy);
        context.Set(Comment, completion.Comment);
        await context.CompleteAsync(completion.Outcome);
    }

    private async ValueTask EscalateAsync(IActivityExecutionContext context, TaskOutbox outbox, string taskId)
    {
        if (await context.EvaluateAsync(TakeEscalatedPort))
        {
            outbox.Add(context.Workflow, new EscalateAwayCommand(taskId));
            await context.CompleteAsync(EscalatedOutcome);
            return;
        }

        if (await context.EvaluateAsync(EscalateTo) is { Length: > 0 } role)
        {
            outbox.Add(context.Workflow, new ReassignTaskCommand(taskId, InputValues.Names(role)));
        }
    }
}

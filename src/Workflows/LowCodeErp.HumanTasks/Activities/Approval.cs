using System.Text.Json;
using LowCodeErp.HumanTasks.Engine;
using LowCodeErp.HumanTasks.Forms;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.HumanTasks.Activities;

/// <summary>
/// N-of-M approval. Named approvers get one task each; for roles, one task per required approval is offered to the
/// role's members. Each person decides once per approval (the inbox refuses a second decision), so N approvals come
/// from N different people. Approved when N approvals are in; Rejected on the first rejection (any-reject-rejects) or
/// when N can no longer be reached. Open tasks end (Cancelled) as soon as the approval is decided.
/// </summary>
[Activity("Erp", "Approval", Category = "Human tasks", DisplayName = "Approval (N of M)",
    Description = "Asks several approvers to approve or reject; completes Approved when enough approve, Rejected otherwise.")]
[Outcomes(ApprovedOutcome, RejectedOutcome)]
public sealed class Approval : Activity
{
    /// <summary>The activity type name.</summary>
    public const string TypeName = "Erp.Approval";
    /// <summary>Port taken when enough approvers approved.</summary>
    public const string ApprovedOutcome = "Approved";
    /// <summary>Port taken when the approval is rejected.</summary>
    public const string RejectedOutcome = "Rejected";
    /// <summary>The task outcome that approves.</summary>
    public const string Approve = "Approve";
    /// <summary>The task outcome that rejects.</summary>
    public const string Reject = "Reject";

    private const string StateProperty = "Approval";

    /// <summary>Title of each approver's task.</summary>
    [Input(Description = "Title of each approver's task.", UIHint = UIHints.SingleLine, IsRequired = true, Category = "Task", Order = 1)]
    public Input<string>? Title { get; set; }

    /// <summary>What to decide.</summary>
    [Input(Description = "What the approvers decide on.", UIHint = UIHints.MultiLine, Category = "Task", Order = 2)]
    public Input<string>? Description { get; set; }

    /// <summary>Optional form each approver fills in.</summary>
    [Input(Description = "Optional form each approver fills in (same schema as Human Task).", UIHint = UIHints.JsonEditor, Category = "Task", Order = 3)]
    public Input<object>? Form { get; set; }

    /// <summary>Named approvers (one task each).</summary>
    [Input(Description = "User names of the approvers; each gets a task.", UIHint = UIHints.MultiText, Category = "Approvers", Order = 4)]
    public Input<object>? ApproverUsers { get; set; }

    /// <summary>Approver roles (used when no users are named).</summary>
    [Input(Description = "Roles whose members approve (used when no users are named), e.g. committee.", UIHint = UIHints.MultiText, Category = "Approvers", Order = 5)]
    public Input<object>? ApproverRoles { get; set; }

    /// <summary>N: approvals needed.</summary>
    [Input(Description = "How many approvals are required (N of M).", DefaultValue = 1, Category = "Approvers", Order = 6)]
    public Input<int> RequiredApprovals { get; set; } = new(1);

    /// <summary>Whether one rejection rejects.</summary>
    [Input(Description = "A single rejection rejects the approval.", DefaultValue = true, Category = "Approvers", Order = 7)]
    public Input<bool> AnyRejectRejects { get; set; } = new(true);

    /// <summary>4-eyes: users who may not approve.</summary>
    [Input(Description = "Users who may not approve (4-eyes), e.g. the initiator or the underwriter.", UIHint = UIHints.MultiText, Category = "Approvers", Order = 8)]
    public Input<object>? ExcludedUsers { get; set; }

    /// <summary>Priority.</summary>
    [Input(Description = "Priority from 0 (low) to 100 (urgent).", DefaultValue = 50, Category = "Task", Order = 9)]
    public Input<int> Priority { get; set; } = new(50);

    /// <summary>Due date.</summary>
    [Input(Description = "Due date or duration from now (P3D, PT4H, 15m).", UIHint = UIHints.SingleLine, Category = "Task", Order = 10)]
    public Input<string>? DueIn { get; set; }

    /// <summary>Outcomes that need a comment.</summary>
    [Input(Description = "Task outcomes that require a comment (Approve and/or Reject).", UIHint = UIHints.MultiText, DefaultValue = "Reject", Category = "Task", Order = 11)]
    public Input<object>? CommentRequiredFor { get; set; } = new("Reject");

    /// <summary>The votes.</summary>
    [Output(Description = "The decisions: [{user, outcome, comment}].")]
    public Output<object> Decisions { get; set; } = new();

    /// <summary>Who approved.</summary>
    [Output(Description = "User names of the approvers who approved.")]
    public Output<object> ApprovedBy { get; set; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var required = Math.Max(1, await context.EvaluateAsync(RequiredApprovals));
        var excluded = InputValues.Names(await context.EvaluateAsync(ExcludedUsers));
        var users = InputValues.Names(await context.EvaluateAsync(ApproverUsers)).Where(u => !excluded.Contains(u, StringComparer.Ordinal)).ToList();
        var roles = users.Count > 0 ? [] : InputValues.Names(await context.EvaluateAsync(ApproverRoles));
        if (users.Count == 0 && roles.Count == 0)
        {
            throw new InvalidOperationException("Approval needs approver users or roles (after exclusions).");
        }

        if (users.Count > 0 && users.Count < required)
        {
            throw new InvalidOperationException($"Approval needs {required} approvals but has only {users.Count} eligible approvers.");
        }

        var state = new ApprovalState { Required = required, Roles = roles, Excluded = excluded, Open = users.Count > 0 ? users.Count : required };
        context.Properties[StateProperty] = JsonSerializer.SerializeToElement(state);
        var template = await TemplateAsync(context);
        if (users.Count > 0)
        {
            foreach (var user in users)
            {
                (template with { Assignee = user, CandidateUsers = [user], ExcludedUsers = excluded }).Open(context);
            }
        }
        else
        {
            for (var slot = 0; slot < required; slot++)
            {
                (template with { CandidateRoles = roles, ExcludedUsers = excluded }).Open(context);
            }
        }
    }

    /// <inheritdoc />
    public override async ValueTask OnResumeAsync(IActivityExecutionContext context, Bookmark bookmark)
    {
        var completion = TaskCompletion.FromResumeInput(context.ResumeInput)
                         ?? throw new InvalidOperationException("An approval task is resumed only by completing it in the inbox.");
        context.GetRequiredService<TaskOutbox>().Add(context.Workflow, new CompleteTaskCommand(completion.TaskId, completion));
        var state = ReadState(context);
        state.Open--;
        state.Decisions.Add(new ApprovalDecision(completion.CompletedBy, completion.Outcome, completion.Comment));
        var approvals = state.Decisions.Count(d => d.Outcome == Approve);
        var rejected = completion.Outcome == Reject;
        context.Set(Decisions, state.Decisions.Select(d => new Dictionary<string, object?> { ["user"] = d.User, ["outcome"] = d.Outcome, ["comment"] = d.Comment }).ToList());
        context.Set(ApprovedBy, state.Decisions.Where(d => d.Outcome == Approve).Select(d => d.User).ToList());
        if (approvals >= state.Required)
        {
            await context.CompleteAsync(ApprovedOutcome);
            return;
        }

        if (rejected && await context.EvaluateAsync(AnyRejectRejects))
        {
            await context.CompleteAsync(RejectedOutcome);
            return;
        }

        if (rejected && state.Roles.Count > 0)
        {
            // A role's seat that was rejected is offered again, to members who have not decided yet.
            var excluded = state.Excluded.Concat(state.Decisions.Select(d => d.User)).Distinct(StringComparer.Ordinal).ToList();
            (await TemplateAsync(context) with { CandidateRoles = state.Roles, ExcludedUsers = excluded }).Open(context);
            state.Open++;
        }

        if (approvals + state.Open < state.Required)
        {
            await context.CompleteAsync(RejectedOutcome);
            return;
        }

        context.Properties[StateProperty] = JsonSerializer.SerializeToElement(state);
    }

    private async ValueTask<TaskSpec> TemplateAsync(IActivityExecutionContext context) => new(
        await context.EvaluateAsync(Title) is { Length: > 0 } title ? title : throw new InvalidOperationException("Approval needs a title."),
        await context.EvaluateAsync(Description),
        await TaskSpec.ResolveDefaultsAsync(context, FormSchema.Parse(await context.EvaluateAsync(Form))),
        Assignee: null, CandidateUsers: [], CandidateRoles: [], ExcludedUsers: [],
        Math.Clamp(await context.EvaluateAsync(Priority), 0, 100),
        InputValues.Moment(await context.EvaluateAsync(DueIn), context.Workflow.Clock.GetUtcNow()),
        [Approve, Reject],
        InputValues.Names(await context.EvaluateAsync(CommentRequiredFor)),
        GroupId: context.Id);

    private static ApprovalState ReadState(IActivityExecutionContext context) => context.Properties[StateProperty] switch
    {
        JsonElement element => element.Deserialize<ApprovalState>()!,
        var other => JsonSerializer.SerializeToElement(other).Deserialize<ApprovalState>()!,
    };
}

/// <summary>Persisted progress of an approval (kept in the activity's properties).</summary>
internal sealed class ApprovalState
{
    public int Required { get; set; }
    public int Open { get; set; }
    public List<string> Roles { get; set; } = [];
    public List<string> Excluded { get; set; } = [];
    public List<ApprovalDecision> Decisions { get; set; } = [];
}

/// <summary>One approver's decision.</summary>
internal sealed record ApprovalDecision(string User, string Outcome, string? Comment);

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LowCodeErp.HumanTasks.Engine;
using LowCodeErp.HumanTasks.Forms;
using LowCodeErp.HumanTasks.Persistence;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.HumanTasks.Activities;

/// <summary>Everything a task is opened with (evaluated inputs of HumanTask or Approval).</summary>
internal sealed record TaskSpec(
    string Title, string? Description, JsonObject Form, string? Assignee, IReadOnlyList<string> CandidateUsers,
    IReadOnlyList<string> CandidateRoles, IReadOnlyList<string> ExcludedUsers, int Priority, DateTimeOffset? DueAt,
    IReadOnlyList<string> Outcomes, IReadOnlyList<string> CommentRequiredFor, string? GroupId = null)
{
    /// <summary>
    /// Opens the task: the activity waits on a bookmark of its own, and the row is queued for the burst's transaction.
    /// An assignee on the exclusion list is not assigned (the task goes to the candidates): 4-eyes wins.
    /// </summary>
    public string Open(IActivityExecutionContext context)
    {
        var taskId = Guid.NewGuid().ToString("N");
        var bookmark = context.CreateBookmark(new BookmarkRequest(HumanTaskBookmark.Name, new HumanTaskPayload(taskId)));
        var assignee = Assignee is { } a && !ExcludedUsers.Contains(a, StringComparer.Ordinal) ? a : null;
        var now = context.Workflow.Clock.GetUtcNow();
        var variables = Variables(context);
        var task = new HumanTaskRecord
        {
            Id = taskId,
            InstanceId = context.Workflow.InstanceId,
            DefinitionId = context.Workflow.DefinitionId,
            DefinitionVersion = context.Workflow.DefinitionVersion,
            ActivityId = context.Activity.Id,
            BookmarkId = bookmark.Id,
            GroupId = GroupId,
            BusinessKey = context.Workflow.CorrelationId,
            Title = Title.Length > 500 ? Title[..500] : Title,
            Description = Description,
            Status = assignee is null ? TaskStatuses.Unassigned : TaskStatuses.Assigned,
            Priority = Priority,
            Assignee = assignee,
            ClaimedAt = assignee is null ? null : now,
            CandidateUsersJson = JsonSerializer.Serialize(CandidateUsers),
            CandidateRolesJson = JsonSerializer.Serialize(CandidateRoles),
            ExcludedUsersJson = JsonSerializer.Serialize(ExcludedUsers),
            OutcomesJson = JsonSerializer.Serialize(Outcomes),
            CommentRequiredJson = JsonSerializer.Serialize(CommentRequiredFor),
            FormJson = Form.ToJsonString(),
            VariablesJson = JsonSerializer.Serialize(variables),
            CreatedAt = now,
            DueAt = DueAt,
            Version = Guid.NewGuid(),
        };
        var links = CandidateUsers.Select(u => Link(taskId, TaskLinkKinds.CandidateUser, u))
            .Concat(CandidateRoles.Select(r => Link(taskId, TaskLinkKinds.CandidateRole, r)))
            .Concat(ExcludedUsers.Select(x => Link(taskId, TaskLinkKinds.Excluded, x))).ToList();
        var rows = variables.Select(v => new TaskVariableRecord { TaskId = taskId, Name = v.Key, Value = v.Value }).ToList();
        context.GetRequiredService<TaskOutbox>().Add(context.Workflow, new CreateTaskCommand(task, links, rows));
        context.AddJournalEntry("TaskCreated", Title, new { taskId, assignee });
        return taskId;
    }

    /// <summary>Resolves expression defaults of the form's fields (a default like <c>{"type":"JavaScript","value":"…"}</c>).</summary>
    public static async ValueTask<JsonObject> ResolveDefaultsAsync(IActivityExecutionContext context, JsonObject form)
    {
        foreach (var field in FormSchema.Fields(form))
        {
            if (FormSchema.IsExpression(field["default"], out var type, out var script))
            {
                var value = await context.EvaluateAsync(new Expression(type, script), typeof(object));
                field["default"] = value is null ? null : JsonSerializer.SerializeToNode(value);
            }
        }

        return form;
    }

    private static TaskLinkRecord Link(string taskId, string kind, string name) => new() { TaskId = taskId, Kind = kind, Name = name };

    /// <summary>Scalar variables visible to the activity, as invariant text (the inbox shows and filters them).</summary>
    private static Dictionary<string, string?> Variables(IActivityExecutionContext context)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (context is not ActivityExecutionContext own)
        {
            return result;
        }

        foreach (var (definition, value) in own.VisibleVariables())
        {
            // Objects and lists stay in the instance: only values a filter can compare are projected.
            if (IsScalar(value) && (ScalarText(value)?.Length ?? 0) <= 450)
            {
                result[definition.Name] = ScalarText(value);
            }
        }

        return result;
    }

    private static bool IsScalar(object? value) => value is null or string or bool or DateTimeOffset or DateTime or decimal
        || value.GetType().IsPrimitive
        || value is JsonElement { ValueKind: JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False };

    /// <summary>A scalar as the text variable filters compare with.</summary>
    internal static string? ScalarText(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        JsonElement e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText(),
        IConvertible c => c.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

using System.Text.Json;
using LowCodeErp.HumanTasks.Engine;
using LowCodeErp.HumanTasks.Forms;
using LowCodeErp.HumanTasks.Live;
using LowCodeErp.HumanTasks.Persistence;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime;
using LowCodeErp.Workflows.Runtime.Services;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.HumanTasks.Api;

/// <summary>
/// Reading and working on one task. Claim, unclaim and delegate change the row under optimistic concurrency;
/// complete resumes the instance, whose burst records the completion in the same transaction as the new state.
/// </summary>
public sealed class TaskCommands(HumanTasksDbContextFactory contexts, IWorkflowRuntime runtime, TimeProvider clock, ITaskChangeNotifier notifier)
{
    /// <summary>A task with history, if the user may see it.</summary>
    public async Task<(TaskOperationResult Result, TaskDetails? Details)> GetAsync(string id, TaskUser user, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        if (await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } task)
        {
            return (TaskOperationResult.NotFound, null);
        }

        var access = await TaskAccess.ForAsync(db, task, user, cancellationToken);
        if (!access.CanView && !await db.History.AnyAsync(h => h.TaskId == id && h.UserName == user.Name, cancellationToken))
        {
            return (TaskOperationResult.Forbidden("You are not involved in this task."), null);
        }

        var history = await db.History.AsNoTracking().Where(h => h.TaskId == id).OrderBy(h => h.Id)
            .Select(h => new TaskHistoryItem(h.At, h.Action, h.UserName, h.Details)).ToListAsync(cancellationToken);
        return (TaskOperationResult.Ok, new TaskDetails(
            TaskQueries.ToItem(task, clock.GetUtcNow()), TaskQueries.Names(task.ExcludedUsersJson), Json(task.VariablesJson), task.Outcome,
            task.DataJson is null ? null : Json(task.DataJson), task.Comment, task.CompletedBy, task.EndedAt, history,
            new TaskPermissions(access.CanClaim, access.CanUnclaim, access.CanDelegate, access.CanComplete), task.ActivityId, task.DefinitionVersion));
    }

    /// <summary>A candidate takes an unassigned task.</summary>
    public Task<TaskOperationResult> ClaimAsync(string id, TaskUser user, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, "Claimed", null, access =>
        {
            if (access.Barred is { } barred)
            {
                return TaskOperationResult.Forbidden(barred);
            }

            if (access.Task.Status != TaskStatuses.Unassigned)
            {
                return TaskOperationResult.Conflict($"The task is already {access.Task.Status.ToLowerInvariant()}{(access.Task.Assignee is { } a ? $" ({a})" : "")}.");
            }

            if (!access.Candidate)
            {
                return TaskOperationResult.Forbidden("You are not a candidate for this task.");
            }

            access.Task.Status = TaskStatuses.Assigned;
            access.Task.Assignee = user.Name;
            access.Task.ClaimedAt = clock.GetUtcNow();
            return TaskOperationResult.Ok;
        }, cancellationToken);

    /// <summary>The assignee gives a claimed task back to the candidates.</summary>
    public Task<TaskOperationResult> UnclaimAsync(string id, TaskUser user, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, "Unclaimed", null, access =>
        {
            if (!access.CanUnclaim)
            {
                return access.Task.Assignee == user.Name
                    ? TaskOperationResult.Conflict($"A {access.Task.Status.ToLowerInvariant()} task cannot be unclaimed.")
                    : TaskOperationResult.Forbidden("Only the assignee can unclaim the task.");
            }

            access.Task.Status = TaskStatuses.Unassigned;
            access.Task.Assignee = null;
            access.Task.ClaimedAt = null;
            return TaskOperationResult.Ok;
        }, cancellationToken);

    /// <summary>The assignee hands the work to someone else and stays its owner (responsible; still in "mine").</summary>
    public async Task<TaskOperationResult> DelegateAsync(string id, TaskUser user, DelegateTaskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            return TaskOperationResult.Invalid("userName", "is required.");
        }

        var target = request.UserName.Trim();
        return await ChangeAsync(id, user, "Delegated", target, access =>
        {
            if (!access.CanDelegate)
            {
                return access.Task.Assignee == user.Name
                    ? TaskOperationResult.Conflict($"A {access.Task.Status.ToLowerInvariant()} task cannot be delegated.")
                    : TaskOperationResult.Forbidden("Only the assignee can delegate the task.");
            }

            if (TaskQueries.Names(access.Task.ExcludedUsersJson).Contains(target, StringComparer.Ordinal))
            {
                return TaskOperationResult.Forbidden($"'{target}' is excluded from this task (4-eyes principle).");
            }

            if (target == user.Name)
            {
                return TaskOperationResult.Invalid("userName", "must be someone else.");
            }

            access.Task.Status = TaskStatuses.Delegated;
            access.Task.Owner = user.Name;
            access.Task.Assignee = target;
            return TaskOperationResult.Ok;
        }, cancellationToken);
    }

    /// <summary>Validates and completes: the instance resumes down the chosen outcome's port.</summary>
    public async Task<TaskOperationResult> CompleteAsync(string id, TaskUser user, CompleteTaskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        HumanTaskRecord task;
        await using (var db = contexts.CreateDbContext())
        {
            if (await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } found)
            {
                return TaskOperationResult.NotFound;
            }

            task = found;
            var access = await TaskAccess.ForAsync(db, task, user, cancellationToken);
            if (access.Barred is { } barred)
            {
                return TaskOperationResult.Forbidden(barred);
            }

            if (!access.IsOpen)
            {
                return TaskOperationResult.Conflict($"The task is already {task.Status.ToLowerInvariant()}.");
            }

            if (!access.Holds)
            {
                return TaskOperationResult.Forbidden(access.Candidate && task.Status == TaskStatuses.Unassigned
                    ? "Claim the task before completing it." : "Only the assignee can complete the task.");
            }
        }

        if (Validate(task, request, out var data) is { } invalid)
        {
            return invalid;
        }

        var completion = new TaskCompletion(id, request.Outcome!, JsonSerializer.SerializeToElement(data), string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment, user.Name);
        try
        {
            await runtime.ResumeAsync(task.BookmarkId, completion.ToResumeInput(), cancellationToken);
            return TaskOperationResult.Ok;
        }
        catch (Exception exception) when (exception is BookmarkNotFoundException or TaskConflictException or ConcurrencyConflictException)
        {
            // Someone else completed it first (or the instance stopped waiting): exactly one completion wins.
            return TaskOperationResult.Conflict("The task was completed or ended meanwhile.");
        }
    }

    private static TaskOperationResult? Validate(HumanTaskRecord task, CompleteTaskRequest request, out System.Text.Json.Nodes.JsonObject data)
    {
        var errors = FormValidator.Validate(System.Text.Json.Nodes.JsonNode.Parse(task.FormJson)!.AsObject(), request.Data, out data);
        var outcomes = TaskQueries.Names(task.OutcomesJson);
        if (string.IsNullOrWhiteSpace(request.Outcome) || !outcomes.Contains(request.Outcome, StringComparer.Ordinal))
        {
            errors["outcome"] = [$"must be one of: {string.Join(", ", outcomes)}."];
        }
        else if (TaskQueries.Names(task.CommentRequiredJson).Contains(request.Outcome, StringComparer.Ordinal) && string.IsNullOrWhiteSpace(request.Comment))
        {
            errors["comment"] = [$"is required for {request.Outcome}."];
        }

        return errors.Count > 0 ? TaskOperationResult.Invalid(errors) : null;
    }

    private async Task<TaskOperationResult> ChangeAsync(string id, TaskUser user, string action, string? details,
        Func<TaskAccess, TaskOperationResult> change, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        if (await db.Tasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } task)
        {
            return TaskOperationResult.NotFound;
        }

        var access = await TaskAccess.ForAsync(db, task, user, cancellationToken);
        if (!access.IsOpen)
        {
            return TaskOperationResult.Conflict($"The task is already {task.Status.ToLowerInvariant()}.");
        }

        var before = task.Assignee;
        var result = change(access);
        if (result.Status != TaskOperationStatus.Ok)
        {
            return result;
        }

        // EF checks the version read above in the UPDATE: a change by someone else in between matches no row, and
        // the candidate rows change in the same SaveChanges (one transaction), so they roll back with it.
        await CandidateProjection.SyncAsync(db, task, access.Links, cancellationToken);
        task.Version = Guid.NewGuid();
        db.History.Add(TaskBurstParticipant.History(id, clock.GetUtcNow(), action, user.Name, details));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            notifier.Notify([Changed(task, action, before)]);
            return TaskOperationResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return TaskOperationResult.Conflict("The task was changed meanwhile; reload it.");
        }
    }

    /// <summary>A claim, unclaim or delegation concerns the candidates (their lists change) and whoever held or holds it.</summary>
    private static TaskChanged Changed(HumanTaskRecord task, string action, string? assigneeBefore) => new(task.Id, action,
        [.. TaskQueries.Names(task.CandidateUsersJson).Concat(new[] { assigneeBefore, task.Assignee, task.Owner }.OfType<string>()).Distinct(StringComparer.Ordinal)],
        TaskQueries.Names(task.CandidateRolesJson));

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}

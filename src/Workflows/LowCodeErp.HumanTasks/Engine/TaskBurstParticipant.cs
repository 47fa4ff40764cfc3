using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LowCodeErp.HumanTasks.Activities;
using LowCodeErp.HumanTasks.Live;
using LowCodeErp.HumanTasks.Persistence;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime.Services;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.HumanTasks.Engine;

/// <summary>Thrown inside a burst when a task was completed or ended meanwhile; the burst rolls back.</summary>
public sealed class TaskConflictException(string taskId)
    : Exception($"Task '{taskId}' is no longer open.")
{
    /// <summary>The task.</summary>
    public string TaskId { get; } = taskId;
}

/// <summary>
/// Writes the task store's side of a burst in the burst's transaction: tasks the activities created, completions,
/// escalations, and the end of tasks whose bookmark went away (instance cancelled, approval decided without them).
/// </summary>
internal sealed class TaskBurstParticipant(TaskOutbox outbox, HumanTasksDbContextFactory contexts, ITaskChangeNotifier notifier) : IBurstParticipant
{
    private static readonly ConcurrentDictionary<string, bool> UsesTasks = new(StringComparer.Ordinal);

    // What a burst changed, told to the notifier once the burst committed (a burst that is saved again replaces it).
    private readonly ConditionalWeakTable<WorkflowExecutionContext, List<TaskChanged>> _changes = [];

    public async Task OnSavingAsync(BurstSave save, CancellationToken cancellationToken)
    {
        var commands = outbox.Drain(save.Workflow);
        // Instances of definitions without task activities cost nothing here: no query, no context.
        if (commands.Count == 0 && !UsesTaskActivities(save.Workflow))
        {
            return;
        }

        await using var db = contexts.Join(save.Connection, save.Transaction);
        var now = save.State.UpdatedAt.ToUniversalTime();
        foreach (var command in commands)
        {
            await ApplyAsync(db, command, now, cancellationToken);
        }

        var orphans = await EndOrphansAsync(db, save, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        _changes.AddOrUpdate(save.Workflow, [.. commands.Select(Change), .. orphans.Select(id => new TaskChanged(id, TaskChangeKinds.Cancelled, null, null))]);
    }

    public Task OnSavedAsync(WorkflowExecutionContext workflow, CancellationToken cancellationToken)
    {
        if (_changes.TryGetValue(workflow, out var changes))
        {
            _changes.Remove(workflow);
            if (changes.Count > 0)
            {
                notifier.Notify(changes);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A new task concerns its assignee and candidates; other changes may concern anyone who lists the task.</summary>
    private static TaskChanged Change(TaskCommand command) => command switch
    {
        CreateTaskCommand create => new TaskChanged(create.TaskId, TaskChangeKinds.Created,
            [.. create.Links.Where(l => l.Kind == TaskLinkKinds.CandidateUser).Select(l => l.Name), .. create.Task.Assignee is { } a ? [a] : Array.Empty<string>()],
            [.. create.Links.Where(l => l.Kind == TaskLinkKinds.CandidateRole).Select(l => l.Name)]),
        CompleteTaskCommand => new TaskChanged(command.TaskId, TaskChangeKinds.Completed, null, null),
        _ => new TaskChanged(command.TaskId, TaskChangeKinds.Escalated, null, null),
    };

    private static async Task ApplyAsync(HumanTasksDbContext db, TaskCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case CreateTaskCommand create:
                db.Tasks.Add(create.Task);
                db.Links.AddRange(create.Links);
                db.Variables.AddRange(create.Variables);
                db.History.Add(History(create.TaskId, now, "Created", null, create.Task.Assignee is { } a ? $"assigned to {a}" : null));
                break;
            case CompleteTaskCommand complete:
                var c = complete.Completion;
                var done = await db.Tasks.Where(t => t.Id == c.TaskId && TaskStatuses.Open.Contains(t.Status)).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Status, TaskStatuses.Completed).SetProperty(t => t.Outcome, c.Outcome)
                    .SetProperty(t => t.DataJson, c.Data.GetRawText()).SetProperty(t => t.Comment, c.Comment)
                    .SetProperty(t => t.CompletedBy, c.CompletedBy).SetProperty(t => t.EndedAt, now)
                    .SetProperty(t => t.Version, Guid.NewGuid()), cancellationToken);
                if (done != 1)
                {
                    throw new TaskConflictException(c.TaskId);
                }

                db.History.Add(History(c.TaskId, now, "Completed", c.CompletedBy, c.Comment is null ? c.Outcome : $"{c.Outcome}: {c.Comment}"));
                break;
            case ReassignTaskCommand reassign:
                await ReassignAsync(db, reassign, now, cancellationToken);
                break;
            case EscalateAwayCommand escalate:
                await db.Tasks.Where(t => t.Id == escalate.TaskId && TaskStatuses.Open.Contains(t.Status)).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Status, TaskStatuses.Escalated).SetProperty(t => t.EndedAt, now)
                    .SetProperty(t => t.EscalatedAt, now).SetProperty(t => t.Version, Guid.NewGuid()), cancellationToken);
                db.History.Add(History(escalate.TaskId, now, "Escalated", null, "took the Escalated port"));
                break;
        }
    }

    private static async Task ReassignAsync(HumanTasksDbContext db, ReassignTaskCommand reassign, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var roles = JsonSerializer.Serialize(reassign.Roles);
        await db.Tasks.Where(t => t.Id == reassign.TaskId && TaskStatuses.Open.Contains(t.Status)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, TaskStatuses.Unassigned).SetProperty(t => t.Assignee, (string?)null)
            .SetProperty(t => t.Owner, (string?)null).SetProperty(t => t.ClaimedAt, (DateTimeOffset?)null)
            .SetProperty(t => t.CandidateRolesJson, roles).SetProperty(t => t.CandidateUsersJson, "[]")
            .SetProperty(t => t.EscalatedAt, now).SetProperty(t => t.Version, Guid.NewGuid()), cancellationToken);
        await db.Links.Where(l => l.TaskId == reassign.TaskId && l.Kind != TaskLinkKinds.Excluded).ExecuteDeleteAsync(cancellationToken);
        db.Links.AddRange(reassign.Roles.Select(r => new TaskLinkRecord { TaskId = reassign.TaskId, Kind = TaskLinkKinds.CandidateRole, Name = r }));
        db.History.Add(History(reassign.TaskId, now, "Escalated", null, $"re-assigned to {string.Join(", ", reassign.Roles)}"));
    }

    /// <summary>Open tasks of the instance whose bookmark is gone were not completed through the inbox: they end as Cancelled.</summary>
    private static async Task<List<string>> EndOrphansAsync(HumanTasksDbContext db, BurstSave save, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = save.State.Bookmarks.Where(b => b.Name == HumanTaskBookmark.Name).Select(b => b.Id).ToList();
        var orphans = await db.Tasks.Where(t => t.InstanceId == save.State.Id && TaskStatuses.Open.Contains(t.Status) && !waiting.Contains(t.BookmarkId))
            .Select(t => t.Id).ToListAsync(cancellationToken);
        if (orphans.Count == 0)
        {
            return orphans;
        }

        await db.Tasks.Where(t => orphans.Contains(t.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, TaskStatuses.Cancelled).SetProperty(t => t.EndedAt, now).SetProperty(t => t.Version, Guid.NewGuid()), cancellationToken);
        db.History.AddRange(orphans.Select(id => History(id, now, "Cancelled", null, "the workflow no longer waits for it")));
        return orphans;
    }

    private static bool UsesTaskActivities(WorkflowExecutionContext workflow) =>
        UsesTasks.GetOrAdd(workflow.DefinitionVersionId, _ => workflow.Graph.ActivitiesById.Values
            .Any(a => a.Type is HumanTask.TypeName or Approval.TypeName));

    internal static TaskHistoryRecord History(string taskId, DateTimeOffset at, string action, string? user, string? details) =>
        new() { TaskId = taskId, At = at, Action = action, UserName = user, Details = details };
}

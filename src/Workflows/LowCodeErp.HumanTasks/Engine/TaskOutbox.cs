using System.Runtime.CompilerServices;
using LowCodeErp.HumanTasks.Persistence;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.HumanTasks.Engine;

/// <summary>What an activity asks the task store to do when its burst is saved.</summary>
internal abstract record TaskCommand(string TaskId);

/// <summary>Create a task (the activity just started waiting for it).</summary>
internal sealed record CreateTaskCommand(HumanTaskRecord Task, IReadOnlyList<TaskLinkRecord> Links, IReadOnlyList<TaskVariableRecord> Variables)
    : TaskCommand(Task.Id);

/// <summary>Record the completion the API resumed the instance with.</summary>
internal sealed record CompleteTaskCommand(string TaskId, TaskCompletion Completion) : TaskCommand(TaskId);

/// <summary>Escalation: hand the open task to other candidate roles.</summary>
internal sealed record ReassignTaskCommand(string TaskId, IReadOnlyList<string> Roles) : TaskCommand(TaskId);

/// <summary>Escalation took the Escalated port: the task ends as Escalated rather than Cancelled.</summary>
internal sealed record EscalateAwayCommand(string TaskId) : TaskCommand(TaskId);

/// <summary>
/// Task commands of bursts not yet saved, held per live workflow context. The table is weak: a burst that fails before
/// it is saved drops its context and with it the commands, so nothing reaches the store that the state did not.
/// </summary>
public sealed class TaskOutbox
{
    private readonly ConditionalWeakTable<IWorkflowContext, List<TaskCommand>> _pending = [];

    internal void Add(IWorkflowContext workflow, TaskCommand command)
    {
        var list = _pending.GetOrCreateValue(workflow);
        lock (list)
        {
            list.Add(command);
        }
    }

    internal IReadOnlyList<TaskCommand> Drain(IWorkflowContext workflow)
    {
        if (!_pending.TryGetValue(workflow, out var list))
        {
            return [];
        }

        _pending.Remove(workflow);
        lock (list)
        {
            return [.. list];
        }
    }
}

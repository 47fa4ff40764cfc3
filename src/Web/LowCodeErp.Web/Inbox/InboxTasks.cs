using System.Text.Json;
using LowCodeErp.HumanTasks.Api;
using LowCodeErp.Web.Auth;

namespace LowCodeErp.Web.Inbox;

/// <summary>
/// The inbox's calls into the task service, made as the circuit's user. Every rule (who may see, claim, complete; form
/// validation; 409 on lost races) is the task service's own: this class adds none and skips none.
/// </summary>
public sealed class InboxTasks(InboxUser user, TaskQueries queries, TaskCommands commands)
{
    private static readonly TaskOperationResult NotAllowed = TaskOperationResult.Forbidden("You are not allowed to work on tasks (permission tasks:work).");

    /// <summary>One page of a view; null when the user may not work on tasks.</summary>
    public async Task<TaskPage?> ListAsync(TaskListQuery query, CancellationToken cancellationToken = default) =>
        await user.GetAsync(cancellationToken) is { } caller ? await queries.ListAsync(caller, query, cancellationToken) : null;

    /// <summary>The view counts; null when the user may not work on tasks.</summary>
    public async Task<TaskCounts?> CountAsync(CancellationToken cancellationToken = default) =>
        await user.GetAsync(cancellationToken) is { } caller ? await queries.CountAsync(caller, cancellationToken) : null;

    /// <summary>A task with its context and what the user may do.</summary>
    public async Task<(TaskOperationResult Result, TaskDetails? Details)> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await user.GetAsync(cancellationToken) is { } caller ? await commands.GetAsync(id, caller, cancellationToken) : (NotAllowed, null);

    /// <summary>Claims an unassigned task.</summary>
    public Task<TaskOperationResult> ClaimAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync(caller => commands.ClaimAsync(id, caller, cancellationToken), cancellationToken);

    /// <summary>Gives a claimed task back.</summary>
    public Task<TaskOperationResult> UnclaimAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync(caller => commands.UnclaimAsync(id, caller, cancellationToken), cancellationToken);

    /// <summary>Hands the work to another user (the caller stays owner).</summary>
    public Task<TaskOperationResult> DelegateAsync(string id, string? userName, CancellationToken cancellationToken = default) =>
        RunAsync(caller => commands.DelegateAsync(id, caller, new DelegateTaskRequest(userName), cancellationToken), cancellationToken);

    /// <summary>Completes with an outcome, the form data and a comment.</summary>
    public Task<TaskOperationResult> CompleteAsync(string id, string outcome, JsonElement data, string? comment, CancellationToken cancellationToken = default) =>
        RunAsync(caller => commands.CompleteAsync(id, caller, new CompleteTaskRequest(outcome, data, comment), cancellationToken), cancellationToken);

    /// <summary>The caller's user name and roles, for deciding which live changes concern this page.</summary>
    public Task<TaskUser?> CallerAsync(CancellationToken cancellationToken = default) => user.GetAsync(cancellationToken);

    private async Task<TaskOperationResult> RunAsync(Func<TaskUser, Task<TaskOperationResult>> operation, CancellationToken cancellationToken) =>
        await user.GetAsync(cancellationToken) is { } caller ? await operation(caller) : NotAllowed;
}

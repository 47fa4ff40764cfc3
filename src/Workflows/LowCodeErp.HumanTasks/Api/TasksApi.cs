using System.Security.Claims;
using LowCodeErp.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.HumanTasks.Api;

/// <summary><c>/api/tasks</c>: the inbox API (views, filters, claim, unclaim, delegate, complete).</summary>
public static class TasksApi
{
    /// <summary>Maps the route group: every route requires the <c>tasks:work</c> permission (ServiceDefaults' permission policy).</summary>
    public static RouteGroupBuilder MapHumanTasksApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api/tasks").RequirePermission(ErpPermissions.TasksWork).WithTags("Tasks");
        api.MapGet("/", ListAsync).WithName("ListTasks").WithSummary("Lists a view (mine, candidate, involved, completed) with filters, sorting and paging.");
        api.MapGet("/counts", CountAsync).WithName("CountTasks").WithSummary("Counts of the views for the caller.");
        api.MapGet("/{id}", GetAsync).WithName("GetTask").WithSummary("A task with its form, process context and history.");
        api.MapPost("/{id}/claim", (string id, ClaimsPrincipal principal, TaskCommands commands, CancellationToken ct) =>
            RunAsync(principal, user => commands.ClaimAsync(id, user, ct))).WithName("ClaimTask").WithSummary("A candidate takes the task.");
        api.MapPost("/{id}/unclaim", (string id, ClaimsPrincipal principal, TaskCommands commands, CancellationToken ct) =>
            RunAsync(principal, user => commands.UnclaimAsync(id, user, ct))).WithName("UnclaimTask").WithSummary("The assignee gives the task back.");
        api.MapPost("/{id}/delegate", (string id, DelegateTaskRequest request, ClaimsPrincipal principal, TaskCommands commands, CancellationToken ct) =>
            RunAsync(principal, user => commands.DelegateAsync(id, user, request, ct))).WithName("DelegateTask")
            .WithSummary("The assignee hands the work to another user and stays its owner.");
        api.MapPost("/{id}/complete", (string id, CompleteTaskRequest request, ClaimsPrincipal principal, TaskCommands commands, CancellationToken ct) =>
            RunAsync(principal, user => commands.CompleteAsync(id, user, request, ct))).WithName("CompleteTask")
            .WithSummary("Completes the task with an outcome, form data and a comment; the workflow continues down the outcome's port.");
        return api;
    }

    private static async Task<Results<Ok<TaskPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [AsParameters] TaskListQuery query, ClaimsPrincipal principal, TaskQueries queries, CancellationToken cancellationToken)
    {
        if (TaskUser.From(principal) is not { } user)
        {
            return NoUser();
        }

        var errors = TaskQueries.Check(query);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await queries.ListAsync(user, query, cancellationToken));
    }

    private static async Task<Results<Ok<TaskCounts>, ProblemHttpResult>> CountAsync(ClaimsPrincipal principal, TaskQueries queries, CancellationToken cancellationToken) =>
        TaskUser.From(principal) is { } user ? TypedResults.Ok(await queries.CountAsync(user, cancellationToken)) : NoUser();

    private static async Task<Results<Ok<TaskDetails>, NotFound, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal principal, TaskCommands commands, CancellationToken cancellationToken)
    {
        if (TaskUser.From(principal) is not { } user)
        {
            return NoUser();
        }

        var (result, details) = await commands.GetAsync(id, user, cancellationToken);
        return result.Status switch
        {
            TaskOperationStatus.Ok => TypedResults.Ok(details),
            TaskOperationStatus.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status403Forbidden),
        };
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> RunAsync(
        ClaimsPrincipal principal, Func<TaskUser, Task<TaskOperationResult>> operation)
    {
        if (TaskUser.From(principal) is not { } user)
        {
            return NoUser();
        }

        var result = await operation(user);
        return result.Status switch
        {
            TaskOperationStatus.Ok => TypedResults.NoContent(),
            TaskOperationStatus.NotFound => TypedResults.NotFound(),
            TaskOperationStatus.Invalid => TypedResults.ValidationProblem(result.Errors!),
            TaskOperationStatus.Forbidden => TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
            _ => TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        };
    }

    private static ProblemHttpResult NoUser() =>
        TypedResults.Problem("The token names no user (preferred_username, name or sub).", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
}

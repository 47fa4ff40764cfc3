using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Instances;

/// <summary>
/// <c>GET|POST /workflow-instances/{id}/variables</c>: the workflow-level variables of an instance (values live in the
/// root activity execution's scope, keyed by variable id) and operator updates of them.
/// </summary>
public static class WorkflowVariablesApi
{
    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapWorkflowVariablesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/workflow-instances").WithTags("Workflow instances");
        group.MapGet("/{id}/variables", GetAsync).WithName("GetWorkflowInstanceVariables").WithSummary("The instance's workflow variables.").RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapPost("/{id}/variables", UpdateAsync).WithName("UpdateWorkflowInstanceVariables").WithSummary("Sets variables by id or name (body {variables:[{id,value}]}).")
            .RequirePermission(ErpPermissions.Admin);
        return api;
    }

    private static async Task<Results<Ok<ListResponse<ResolvedVariableModel>>, NotFound>> GetAsync(
        string id, IWorkflowInstanceStore instances, IWorkflowDefinitionStore definitions, CancellationToken cancellationToken)
    {
        if (await instances.LoadAsync(id, cancellationToken) is not { State: var state })
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(ListResponse.Of(await ResolveAsync(state, definitions, cancellationToken)));
    }

    private static async Task<Results<Ok<ListResponse<ResolvedVariableModel>>, NotFound, ValidationProblem, Conflict>> UpdateAsync(
        string id, UpdateVariablesRequest request, IWorkflowInstanceStore instances, IWorkflowDefinitionStore definitions, CancellationToken cancellationToken)
    {
        if (await instances.LoadAsync(id, cancellationToken) is not { } stored)
        {
            return TypedResults.NotFound();
        }

        var declared = (await definitions.FindByVersionIdAsync(stored.State.DefinitionVersionId, cancellationToken))?.Variables ?? [];
        var root = RootScope(stored.State);
        var errors = new Dictionary<string, string[]>();
        if (root is null)
        {
            errors["id"] = ["The instance has no live workflow scope (it finished or has not started)."];
        }

        var updates = request.Variables ?? [];
        for (var i = 0; i < updates.Length; i++)
        {
            if (declared.FirstOrDefault(v => v.Id == updates[i].Id || v.Name == updates[i].Id) is not { } variable)
            {
                errors[$"variables[{i}].id"] = [$"'{updates[i].Id}' is not a workflow variable."];
            }
            else if (root is not null)
            {
                root.Variables![string.IsNullOrEmpty(variable.Id) ? variable.Name : variable.Id] =
                    updates[i].Value is { } value ? ValueConversion.FromElement(value) : null;
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            await instances.SaveAsync(stored.State, stored.ConcurrencyStamp, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return TypedResults.Conflict();
        }

        return TypedResults.Ok(ListResponse.Of(await ResolveAsync(stored.State, definitions, cancellationToken)));
    }

    private static async Task<IReadOnlyList<ResolvedVariableModel>> ResolveAsync(WorkflowState state, IWorkflowDefinitionStore definitions, CancellationToken cancellationToken)
    {
        var definition = await definitions.FindByVersionIdAsync(state.DefinitionVersionId, cancellationToken);
        var values = RootScope(state)?.Variables;
        return [.. (definition?.Variables ?? []).Select(v =>
        {
            var key = string.IsNullOrEmpty(v.Id) ? v.Name : v.Id;
            return new ResolvedVariableModel(key, v.Name, values is not null && values.TryGetValue(key, out var value) ? value : null);
        })];
    }

    private static ActivityExecutionState? RootScope(WorkflowState state) =>
        state.ActivityExecutions.FirstOrDefault(e => e.ParentId is null && e.Variables is not null);
}

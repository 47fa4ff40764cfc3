using System.Text.Json.Nodes;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Instances;

/// <summary>
/// <c>POST /alterations/submit</c>, which Studio's instance list posts for "Cancel … apply to all matches". Only the
/// <c>Cancel</c> alteration exists here, and the plan runs at once (Elsa schedules it) before the plan id is returned.
/// Filter fields this server cannot apply are refused with 400 naming them, never silently widened into "all".
/// </summary>
public static class AlterationsApi
{
    private const int PageSize = 500;

    /// <summary>Maps the route.</summary>
    public static RouteGroupBuilder MapAlterationsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/alterations/submit", SubmitAsync).WithTags("Workflow instances").WithName("SubmitAlterationPlan")
            .WithSummary("Cancels every instance matching the filter (the only alteration supported); answers {planId}.")
            .RequirePermission(ErpPermissions.WorkflowsRun);
        return api;
    }

    private static async Task<Results<Ok<SubmitAlterationPlanResponse>, ValidationProblem>> SubmitAsync(
        AlterationPlanRequest request, IWorkflowInstanceStore store, [FromServices] IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var filter = request.Filter!;
        var selected = new List<string>();
        if (HasCriteria(filter) || filter.EmptyFilterSelectsAll)
        {
            for (var page = 0; ; page++)
            {
                var rows = await store.ListAsync(Narrowed(filter) with { Page = page, PageSize = PageSize }, cancellationToken);
                selected.AddRange(rows.Items.Where(r => Matches(filter, r)).Select(r => r.Id));
                if (rows.Items.Count < PageSize)
                {
                    break;
                }
            }
        }

        foreach (var id in selected)
        {
            await runtime.CancelAsync(id, cancellationToken);
        }

        return TypedResults.Ok(new SubmitAlterationPlanResponse(request.Id ?? Guid.NewGuid().ToString("N")));
    }

    private static Dictionary<string, string[]> Validate(AlterationPlanRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Alterations is not { Length: > 0 } alterations)
        {
            errors["alterations"] = ["at least one alteration is required"];
        }
        else
        {
            for (var i = 0; i < alterations.Length; i++)
            {
                if (!string.Equals((string?)alterations[i]?["type"], "Cancel", StringComparison.OrdinalIgnoreCase))
                {
                    errors[$"alterations[{i}].type"] = ["only the Cancel alteration is supported"];
                }
            }
        }

        if (request.Filter is not { } filter)
        {
            errors["filter"] = ["is required"];
            return errors;
        }

        if (filter.TimestampFilters?.Length > 0)
        {
            errors["filter.timestampFilters"] = ["timestamp filters are not supported by this server"];
        }

        if (filter.ActivityFilters?.Length > 0)
        {
            errors["filter.activityFilters"] = ["activity filters are not supported by this server"];
        }

        return errors;
    }

    // The store filters by one definition, status and correlation id; a filter naming exactly one of those is pushed
    // into the query so the database, not this loop, skips the rest. Matches() still applies the whole filter.
    private static InstanceQuery Narrowed(AlterationFilter f) => new(
        DefinitionId: f.DefinitionIds is [var definitionId] ? definitionId : null,
        Status: f.Statuses is [var status] && Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var parsed) ? parsed : null,
        CorrelationId: f.CorrelationIds is [var correlationId] ? correlationId : null);

    private static bool HasCriteria(AlterationFilter f) =>
        f.WorkflowInstanceIds?.Length > 0 || f.CorrelationIds?.Length > 0 || f.Names?.Length > 0 || !string.IsNullOrWhiteSpace(f.SearchTerm)
        || f.DefinitionIds?.Length > 0 || f.DefinitionVersionIds?.Length > 0 || f.HasIncidents is not null || f.Statuses?.Length > 0 || f.SubStatuses?.Length > 0;

    private static bool Matches(AlterationFilter f, WorkflowInstanceSummary r) =>
        In(f.WorkflowInstanceIds, r.Id) && In(f.CorrelationIds, r.CorrelationId) && In(f.Names, r.Name) && In(f.DefinitionIds, r.DefinitionId)
        && In(f.DefinitionVersionIds, r.DefinitionVersionId) && In(f.Statuses, r.Status.ToString()) && In(f.SubStatuses, r.SubStatus.ToString())
        && (f.HasIncidents is not { } incidents || incidents == r.IncidentCount > 0)
        && (string.IsNullOrWhiteSpace(f.SearchTerm) || new[] { r.Id, r.Name, r.CorrelationId, r.DefinitionId }
            .Any(v => v?.Contains(f.SearchTerm, StringComparison.OrdinalIgnoreCase) == true));

    private static bool In(string[]? allowed, string? value) =>
        allowed is not { Length: > 0 } || (value is not null && allowed.Contains(value, StringComparer.OrdinalIgnoreCase));
}

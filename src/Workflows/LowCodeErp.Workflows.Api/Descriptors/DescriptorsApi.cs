using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Abstractions.Descriptors;
using LowCodeErp.Workflows.Api.Models;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Registry;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Descriptors;

/// <summary>
/// The lookups Studio's editor loads before it renders (any 404 here crashes it): activities, expression types,
/// variable types, storage drivers and the strategy lists. Only what this engine supports is listed.
/// </summary>
public static class DescriptorsApi
{
    /// <summary>Maps the descriptor routes.</summary>
    public static RouteGroupBuilder MapDescriptorsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/descriptors").WithTags("Descriptors");
        group.MapGet("/activities", ListActivitiesAsync).WithName("ListActivityDescriptors").WithSummary("Every activity type (built-ins, plugins, workflows usable as activities).")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/expression-descriptors", () => TypedResults.Ok(ListResponse.Of<ExpressionDescriptorModel>(StaticDescriptors.Expressions)))
            .WithName("ListExpressionDescriptors").WithSummary("Supported expression types.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/variables", () => TypedResults.Ok(ListResponse.Of<VariableTypeModel>(StaticDescriptors.VariableTypes)))
            .WithName("ListVariableTypes").WithSummary("Variable type aliases.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/storage-drivers", () => TypedResults.Ok(ListResponse.Of<StorageDriverModel>(StaticDescriptors.StorageDrivers)))
            .WithName("ListStorageDrivers").WithSummary("Variable storage drivers, highest priority first.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/workflow-activation-strategies", () => TypedResults.Ok(ListResponse.Of<TypedStrategyModel>(StaticDescriptors.ActivationStrategies)))
            .WithName("ListWorkflowActivationStrategies").WithSummary("Workflow activation strategies.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/incident-strategies", () => TypedResults.Ok(ListResponse.Of<TypedStrategyModel>(StaticDescriptors.IncidentStrategies)))
            .WithName("ListIncidentStrategies").WithSummary("Incident strategies (Fault, ContinueWithIncidents).")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/log-persistence-strategies", () => TypedResults.Ok(ListResponse.Of<TypedStrategyModel>(StaticDescriptors.LogPersistenceStrategies)))
            .WithName("ListLogPersistenceStrategies").WithSummary("Log persistence strategies.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/commit-strategies/workflows", () => TypedResults.Ok(ListResponse.Of<NamedStrategyModel>(StaticDescriptors.WorkflowCommitStrategies)))
            .WithName("ListWorkflowCommitStrategies").WithSummary("Workflow commit strategies.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/commit-strategies/activities", () => TypedResults.Ok(ListResponse.Of<NamedStrategyModel>(StaticDescriptors.ActivityCommitStrategies)))
            .WithName("ListActivityCommitStrategies").WithSummary("Activity commit strategies.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("/output-converters", () => TypedResults.Ok(ListResponse.Of<OutputConverterModel>([])))
            .WithName("ListOutputConverters").WithSummary("Output converters (none yet: the engine has no converters).")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        return api;
    }

    private static async Task<Ok<ListResponse<ActivityDescriptor>>> ListActivitiesAsync(
        ActivityRegistry registry, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        // The store registers stored workflows-as-activities on its first read.
        await store.FindAsync("", VersionOptions.Latest, cancellationToken);
        var descriptors = registry.All().OrderBy(d => d.TypeName, StringComparer.Ordinal).ThenBy(d => d.Version).ToList();
        return TypedResults.Ok(ListResponse.Of<ActivityDescriptor>(descriptors));
    }
}

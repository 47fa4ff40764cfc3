using LowCodeErp.Workflows.Api.Compatibility;
using LowCodeErp.Workflows.Api.Definitions;
using LowCodeErp.Workflows.Api.Events;
using LowCodeErp.Workflows.Api.Descriptors;
using LowCodeErp.Workflows.Api.Features;
using LowCodeErp.Workflows.Api.Instances;
using LowCodeErp.Workflows.Api.Plugins;
using LowCodeErp.Workflows.Api.Scripting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api;

/// <summary>Maps the Elsa-compatible REST API.</summary>
public static class ElsaApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every route under <paramref name="prefix"/>; all require the <see cref="ElsaApiAuthorization.PolicyName"/>
    /// policy and their own permission (set where each route is mapped), except the ones Elsa serves anonymously
    /// (<c>/package/version</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapElsaApi(this IEndpointRouteBuilder endpoints, string prefix = "elsa/api")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup(prefix);
        api.MapGroup("").AllowAnonymous().MapPackageApi();
        api.MapGroup("").RequireAuthorization(ElsaApiAuthorization.PolicyName)
            .MapWorkflowDefinitionsApi()
            .MapWorkflowDefinitionLifecycleApi()
            .MapWorkflowDefinitionTransferApi()
            .MapWorkflowDefinitionFilesApi()
            .MapWorkflowDefinitionRevertApi()
            .MapWorkflowExecutionApi()
            .MapWorkflowDispatchApi()
            .MapWorkflowDefinitionBulkApi()
            .MapWorkflowInstancesApi()
            .MapWorkflowJournalApi()
            .MapWorkflowVariablesApi()
            .MapWorkflowInstanceDeletionApi()
            .MapWorkflowInstanceTransferApi()
            .MapAlterationsApi()
            .MapActivityExecutionsApi()
            .MapJavaScriptApi()
            .MapEventsApi()
            .MapDescriptorsApi()
            .MapFeaturesApi()
            .MapPluginsApi()
            .MapStudioCompatibilityApi();
        return endpoints;
    }
}

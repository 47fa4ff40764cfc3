using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Workflows.Api.Scripting;

/// <summary><c>POST /scripting/javascript/type-definitions/{definitionId}</c>: the <c>.d.ts</c> Studio's script editor loads.</summary>
public static class JavaScriptApi
{
    /// <summary>The content type Elsa answers with.</summary>
    public const string ContentType = "application/x-typescript";

    /// <summary>Maps the route.</summary>
    public static RouteGroupBuilder MapJavaScriptApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/scripting/javascript/type-definitions/{definitionId}", GetTypeDefinitionsAsync).WithTags("Scripting")
            .WithName("GetJavaScriptTypeDefinitions").WithSummary("TypeScript declarations of the JavaScript globals for the latest version of a definition.")
            .RequirePermission(ErpPermissions.WorkflowsRead);
        return api;
    }

    // Studio posts {workflowDefinitionId, activityTypeName, propertyName}; the globals do not depend on the property, so
    // the body is not read. An unknown definition (a new, unsaved one) still gets the fixed helpers, as Studio asks
    // before the first save.
    private static async Task<ContentHttpResult> GetTypeDefinitionsAsync(string definitionId, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var definition = await store.FindAsync(definitionId, VersionOptions.Latest, cancellationToken) ?? new WorkflowDefinition { DefinitionId = definitionId };
        return TypedResults.Text(JavaScriptTypeDefinitions.For(definition), ContentType);
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace LowCodeErp.Workflows.Api.Tests.StudioRoutes;

/// <summary>
/// Every route of Studio's API client (studio-probe/elsa-api-client-routes.txt) that this API implements answers with
/// the status and the top-level JSON keys Studio reads (the probe's mocks, or research §4 where there is no mock).
/// </summary>
public sealed class StudioRouteShapeTests(StudioScenario scenario) : IClassFixture<StudioScenario>
{
    private const string Definition = "id,definitionId,name,createdAt,version,isLatest,isPublished,options,variables,inputs,outputs,outcomes,customProperties,isReadonly,links,root";
    private const string Saved = "workflowDefinition,alreadyPublished,consumingWorkflowCount";
    private const string Items = "items,count";
    private const string Record = "id,workflowInstanceId,activityId,activityNodeId,activityType,activityTypeVersion,startedAt,hasBookmarks,status";

    /// <summary>method, route (with placeholders), JSON body, expected status, expected top-level keys ("" = no JSON body).</summary>
    public static TheoryData<string, string, string?, int, string> Routes => new()
    {
        { "GET", "/descriptors/activities", null, 200, Items },
        { "GET", "/descriptors/commit-strategies/workflows", null, 200, Items },
        { "GET", "/descriptors/commit-strategies/activities", null, 200, Items },
        { "GET", "/descriptors/expression-descriptors", null, 200, Items },
        { "GET", "/descriptors/incident-strategies", null, 200, Items },
        { "GET", "/descriptors/log-persistence-strategies", null, 200, Items },
        { "GET", "/descriptors/output-converters", null, 200, "items" },
        { "GET", "/descriptors/storage-drivers", null, 200, "items" },
        { "GET", "/descriptors/variables", null, 200, "items" },
        { "GET", "/descriptors/workflow-activation-strategies", null, 200, Items },
        { "GET", "/features/installed", null, 200, Items },
        { "GET", "/package/version", null, 200, "packageVersion" },
        { "POST", "/scripting/javascript/type-definitions/{def}", """{"workflowDefinitionId":"{def}","activityTypeName":"Elsa.RunJavaScript","propertyName":"Script"}""", 200, "" },
        { "GET", "/workflow-definitions?versionOptions=Latest", null, 200, "items,totalCount,links" },
        { "GET", "/workflow-definitions/by-definition-id/{def}?versionOptions=Latest", null, 200, Definition },
        { "GET", "/workflow-definitions/by-id/{version}", null, 200, Definition },
        { "GET", "/workflow-definitions/many-by-id?ids={version}", null, 200, Items },
        { "GET", "/workflow-definitions/query/count", null, 200, "count" },
        { "GET", "/workflow-definitions/validation/is-name-unique?name=Workflow%2042", null, 200, "isUnique" },
        { "POST", "/workflow-definitions", """{"model":{"definitionId":null,"name":"Workflow 7","root":{"id":"r","type":"Elsa.Flowchart","version":1,"name":"Flowchart1"}},"publish":false}""", 200, Saved },
        { "POST", "/workflow-definitions/{fresh-def}/publish", "{}", 200, Saved },
        { "POST", "/workflow-definitions/{fresh-def}/retract", "{}", 200, "id,definitionId,isPublished,links" },
        { "DELETE", "/workflow-definitions/{fresh-def}", null, 204, "" },
        { "DELETE", "/workflow-definition-versions/{fresh-draft-version}", null, 204, "" },
        { "POST", "/bulk-actions/delete/workflow-definitions/by-definition-id", """{"definitionIds":["{fresh-def}"]}""", 200, "deleted" },
        { "POST", "/bulk-actions/delete/workflow-definitions/by-id", """{"ids":["{fresh-draft-version}"]}""", 200, "deleted" },
        { "POST", "/bulk-actions/publish/workflow-definitions/by-definition-ids", """{"definitionIds":["{def}","nope"]}""", 200, "published,alreadyPublished,notFound,skipped,updatedConsumers,failed,warnings" },
        { "POST", "/bulk-actions/retract/workflow-definitions/by-definition-ids", """{"definitionIds":["{fresh-def}","nope"]}""", 200, "retracted,alreadyRetracted,notFound,skipped" },
        { "GET", "/workflow-definitions/{def}/export?versionOptions=Latest&includeConsumingWorkflows=false", null, 200, "$schema,definitionId,version,variables,root" },
        { "POST", "/workflow-definitions/import", null, 200, "id,definitionId,version,links,root" },
        { "POST", "/workflow-definitions/{def}/execute", null, 200, "workflowState" },
        { "POST", "/workflow-definitions/{def}/dispatch", "{}", 200, "workflowInstanceId" },
        { "POST", "/workflow-instances", """{"page":0,"pageSize":10}""", 200, "items,totalCount" },
        { "GET", "/workflow-instances/{instance}", null, 200, "id,definitionId,definitionVersionId,version,workflowState,status,subStatus,isExecuting,incidentCount,createdAt,updatedAt" },
        { "GET", "/workflow-instances/{instance}/journal", null, 200, "items,totalCount" },
        { "POST", "/workflow-instances/{instance}/journal", """{"filter":{"excludedActivityTypes":["Elsa.Flowchart"]}}""", 200, "items,totalCount" },
        { "GET", "/workflow-instances/{instance}/execution-state", null, 200, "status,subStatus,workflowSubStatus,updatedAt" },
        { "GET", "/workflow-instances/{instance}/variables", null, 200, Items },
        { "POST", "/workflow-instances/{fresh-instance}/variables", """{"variables":[{"id":"v-amount","value":42}]}""", 200, Items },
        { "DELETE", "/workflow-instances/{fresh-instance}", null, 204, "" },
        { "POST", "/bulk-actions/delete/workflow-instances/by-id", """{"ids":["{fresh-instance}"]}""", 200, "deleted" },
        { "POST", "/cancel/workflow-instances/{fresh-instance}", null, 200, "" },
        { "POST", "/bulk-actions/cancel/workflow-instances", """{"ids":["{fresh-instance}"]}""", 200, "cancelled" },
        { "POST", "/activity-executions/report", """{"workflowInstanceId":"{instance}","activityNodeIds":[]}""", 200, "stats" },
        { "GET", "/activity-executions/list?workflowInstanceId={instance}", null, 200, Items },
        { "GET", "/activity-execution-summaries/list?workflowInstanceId={instance}", null, 200, Items },
        { "GET", "/activity-executions/by-id?id={execution}", null, 200, Record },
        { "GET", "/activity-executions/{execution}/call-stack", null, 200, "activityInstanceId,items" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_Should_AnswerWithTheShapeStudioReads(string method, string route, string? body, int status, string keys)
    {
        var ct = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(new HttpMethod(method), "/elsa/api" + await scenario.ResolveAsync(route));
        var content = route == "/workflow-definitions/import"
            ? StudioScenario.Model("imported-" + Guid.NewGuid().ToString("N")[..8]).ToJsonString()
            : body is null ? null : await scenario.ResolveAsync(body);
        request.Content = content is null ? null : new StringContent(content, Encoding.UTF8, "application/json");

        using var response = await scenario.Server.CreateClient().SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);

        ((int)response.StatusCode).Should().Be(status, "{0} {1} answered {2}", method, route, text);
        if (keys.Length == 0)
        {
            return;
        }

        var json = JsonNode.Parse(text)!.AsObject();
        json.Select(p => p.Key).Should().Contain(keys.Split(','), "{0} {1} answered {2}", method, route, text);
    }

    [Fact]
    public async Task TypeDefinitions_Should_DeclareTheHelpersAndTheDefinitionsVariables()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await scenario.Server.CreateClient().PostAsync(
            $"/elsa/api/scripting/javascript/type-definitions/{StudioScenario.DefinitionId}", new StringContent("{}", Encoding.UTF8, "application/json"), ct);
        var text = await response.Content.ReadAsStringAsync(ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-typescript");
        text.Should().Contain("declare function getVariable(name: string): any;")
            .And.Contain("declare function getAmount(): number;")
            .And.Contain("declare function setAmount(value: number): void;")
            .And.Contain("declare function setOutcome(outcome: string): void;")
            .And.Contain("Amount: number;");
    }
}

using LowCodeErp.Workflows.Api.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Api.Tests.HttpWorkflows;

/// <summary>
/// The embedded server with the shipped flows plus <c>http-echo.json</c> (trigger: POST /workflows/orders echoes the body's
/// id), <c>http-approve.json</c> (mid-flow: once started it waits for POST /workflows/approve), and two guarded flows:
/// GET /workflows/members (<c>authorize</c>: signed-in callers) and GET /workflows/payouts (plus policy <c>permission:admin</c>).
/// </summary>
public sealed class HttpWorkflowsFixture : IAsyncDisposable
{
    public HttpWorkflowsFixture()
    {
        // Written before the first client starts the host, so the start-up import publishes it with the shipped flows.
        File.WriteAllText(Path.Combine(Server.WorkflowsFolder, "http-echo.json"), EchoFlow);
        File.WriteAllText(Path.Combine(Server.WorkflowsFolder, "http-approve.json"), ApproveFlow);
        File.WriteAllText(Path.Combine(Server.WorkflowsFolder, "http-members.json"), GuardedFlow("http-members", "members", policy: null));
        File.WriteAllText(Path.Combine(Server.WorkflowsFolder, "http-payouts.json"), GuardedFlow("http-payouts", "payouts", policy: "permission:admin"));
    }

    public ServerFactory Server { get; } = new();

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private const string EchoFlow = """
        {
          "id": "http-echo-v1", "definitionId": "http-echo", "name": "HTTP echo", "version": 1,
          "variables": [ { "id": "v-body", "name": "Body", "typeName": "Object", "isArray": false } ],
          "root": {
            "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              {
                "id": "endpoint", "type": "Elsa.HttpEndpoint", "version": 1,
                "path": { "typeName": "String", "expression": { "type": "Literal", "value": "/Orders" } },
                "supportedMethods": { "typeName": "List<String>", "expression": { "type": "Literal", "value": ["POST"] } },
                "parsedContent": { "typeName": "Object", "memoryReference": { "id": "v-body" } },
                "customProperties": { "canStartWorkflow": true }
              },
              {
                "id": "respond", "type": "Elsa.WriteHttpResponse", "version": 1,
                "statusCode": { "typeName": "HttpStatusCode", "expression": { "type": "Literal", "value": "Created" } },
                "content": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "({ received: getVariable('Body').id, lines: getVariable('Body').lines.length })" } },
                "contentType": { "typeName": "String", "expression": { "type": "Literal", "value": "application/json" } },
                "responseHeaders": { "typeName": "Object", "expression": { "type": "Json", "value": "{\"x-flow\":\"echo\"}" } }
              }
            ],
            "connections": [ { "source": { "activity": "endpoint", "port": "Done" }, "target": { "activity": "respond", "port": "In" } } ]
          }
        }
        """;

    private static string GuardedFlow(string definitionId, string path, string? policy)
    {
        var policyJson = policy is null ? "null" : $"\"{policy}\"";
        return $$"""
        {
          "id": "{{definitionId}}-v1", "definitionId": "{{definitionId}}", "name": "{{definitionId}}", "version": 1,
          "root": {
            "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              {
                "id": "endpoint", "type": "Elsa.HttpEndpoint", "version": 1,
                "path": { "typeName": "String", "expression": { "type": "Literal", "value": "{{path}}" } },
                "authorize": { "typeName": "Boolean", "expression": { "type": "Literal", "value": true } },
                "policy": { "typeName": "String", "expression": { "type": "Literal", "value": {{policyJson}} } },
                "customProperties": { "canStartWorkflow": true }
              },
              {
                "id": "respond", "type": "Elsa.WriteHttpResponse", "version": 1,
                "content": { "typeName": "Object", "expression": { "type": "Literal", "value": "welcome to {{path}}" } }
              }
            ],
            "connections": [ { "source": { "activity": "endpoint", "port": "Done" }, "target": { "activity": "respond", "port": "In" } } ]
          }
        }
        """;
    }

    private const string ApproveFlow = """
        {
          "id": "http-approve-v1", "definitionId": "http-approve", "name": "HTTP approve", "version": 1,
          "root": {
            "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "start", "type": "Elsa.Start", "version": 1 },
              {
                "id": "wait", "type": "Elsa.HttpEndpoint", "version": 1,
                "path": { "typeName": "String", "expression": { "type": "Literal", "value": "approve" } },
                "supportedMethods": { "typeName": "List<String>", "expression": { "type": "Literal", "value": ["POST"] } }
              },
              {
                "id": "respond", "type": "Elsa.WriteHttpResponse", "version": 1,
                "content": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "'approved ' + getWorkflowInstanceId()" } }
              }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wait", "port": "In" } },
              { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "respond", "port": "In" } }
            ]
          }
        }
        """;
}

using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using LowCodeErp.Workflows.Core.Activities.Http;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests.Scenarios.Http;

/// <summary>HttpEndpoint as trigger and as bookmark, and WriteHttpResponse with and without a waiting request (research §2.6).</summary>
public sealed class HttpScenarioTests
{
    private const string Area = "Http";

    [Fact]
    public async Task HttpEndpoint_should_wait_on_one_lower_cased_bookmark_per_method_hashed_without_the_activity_instance()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "http-endpoint-wait.json");

        workflow.SubStatus.Should().Be(WorkflowSubStatus.Suspended, "{0}", Scenario.Describe(workflow, host));
        workflow.Bookmarks.Select(b => b.Payload).Should().Equal(new HttpEndpointPayload("/orders", "get"), new HttpEndpointPayload("/orders", "post"));
        workflow.Bookmarks.Should().OnlyContain(b => b.Name == "Elsa.HttpEndpoint" && b.ActivityId == "endpoint");
        // The hash Elsa documents for GET /orders: name|payload json, no activity instance id.
        workflow.Bookmarks[0].Hash.Should().Be(Sha256("Elsa.HttpEndpoint|{\"Path\":\"/orders\",\"Method\":\"get\"}"));
        workflow.Bookmarks[0].Hash.Should().Be(new Stimulus("Elsa.HttpEndpoint", HttpEndpointPayload.For("/ORDERS", "GET"), null, new Dictionary<string, object?>()).Hash);
    }

    [Fact]
    public async Task HttpEndpoint_should_bind_the_request_body_when_resumed_and_WriteHttpResponse_should_record_the_response_without_a_request()
    {
        using var host = new WorkflowTestHost();
        var workflow = await Scenario.RunAsync(host, Area, "http-endpoint-wait.json");

        await Scenario.ResumeAsync(host, workflow, workflow.Bookmarks[1], (HttpRequestKeys.Body, new Dictionary<string, object?> { ["id"] = 42 }));

        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished, "{0}", Scenario.Describe(workflow, host));
        workflow.Bookmarks.Should().BeEmpty("resuming one method's bookmark completes the endpoint, which removes the other");
        Scenario.HasJournalEvent(workflow, "respond", "ResponseNotWritten").Should().BeTrue();
    }

    [Fact]
    public async Task HttpEndpoint_should_complete_at_once_as_the_trigger_and_the_response_should_reach_the_current_request()
    {
        using var host = new WorkflowTestHost();
        var definition = host.LoadFile(Path.Combine(RepositoryPaths.Workflows, "http-hello.json"));
        var sink = new RecordingSink();

        WorkflowExecutionContext workflow;
        using (HttpResponseSinkScope.Use(sink))
        {
            workflow = await host.RunAsync(definition, new RunOptions
            {
                TriggerActivityId = "endpoint",
                Input = new Dictionary<string, object?> { [HttpRequestKeys.Query] = new Dictionary<string, string> { ["name"] = "Ada" } },
            });
        }

        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished, "{0}", Scenario.Describe(workflow, host));
        workflow.Bookmarks.Should().BeEmpty();
        sink.Responses.Should().ContainSingle().Which.Should().BeEquivalentTo(new { StatusCode = 200, Content = "Hello Ada!", ContentType = "text/plain" });
    }

    [Fact]
    public async Task HttpEndpoint_should_index_one_trigger_payload_per_method()
    {
        using var host = new WorkflowTestHost();
        var definition = host.LoadFile(Path.Combine(RepositoryPaths.Workflows, "http-hello.json"));

        var triggers = await host.Runner.GetTriggersAsync(definition, TestContext.Current.CancellationToken);

        var trigger = triggers.Should().ContainSingle().Subject;
        trigger.Name.Should().Be("Elsa.HttpEndpoint");
        trigger.Payload.Should().Be(new HttpEndpointPayload("/hello", "get"));
    }

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed class RecordingSink : IHttpResponseSink
    {
        public List<HttpResponseMessageData> Responses { get; } = [];

        public ValueTask<bool> WriteAsync(HttpResponseMessageData response, CancellationToken cancellationToken)
        {
            Responses.Add(response);
            return ValueTask.FromResult(true);
        }
    }
}

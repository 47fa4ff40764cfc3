using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.ServiceDefaults.Auth;

namespace LowCodeErp.Workflows.Api.Tests.HttpWorkflows;

/// <summary>
/// HttpEndpoint's own <c>authorize</c>/<c>policy</c> decide who may call <c>/workflows/{path}</c>; a refused request
/// starts nothing. Endpoints without <c>authorize</c> stay anonymous (the echo and hello flows in HttpWorkflowsTests).
/// </summary>
public sealed class HttpEndpointAuthorizationTests(HttpWorkflowsFixture fixture) : IClassFixture<HttpWorkflowsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AuthorizedEndpoint_Should_Refuse_Anonymous_WithoutStartingAnInstance_And_AcceptASignedInCaller()
    {
        var anonymous = await fixture.Server.CreateAnonymousClient().GetAsync("/workflows/members", Ct);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.Content.ReadFromJsonAsync<JsonNode>(Ct))!["detail"]!.ToString().Should().Be("A bearer token is required.");
        (await InstanceCountAsync("http-members")).Should().Be(0, "a refused request must not start the flow");

        var member = await fixture.Server.CreateClientFor().GetAsync("/workflows/members", Ct);
        member.StatusCode.Should().Be(HttpStatusCode.OK);
        (await member.Content.ReadAsStringAsync(Ct)).Should().Contain("welcome to members");
    }

    [Fact]
    public async Task EndpointPolicy_Should_Forbid_CallersWithoutIt_And_Admit_ThoseWithIt()
    {
        var staff = await fixture.Server.CreateClientFor(ErpPermissions.WorkflowsRun).GetAsync("/workflows/payouts", Ct);

        staff.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await staff.Content.ReadFromJsonAsync<JsonNode>(Ct))!["detail"]!.ToString().Should().Contain("'admin'");
        (await InstanceCountAsync("http-payouts")).Should().Be(0);

        var admin = await fixture.Server.CreateClientFor(ErpPermissions.Admin).GetAsync("/workflows/payouts", Ct);
        admin.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EndpointWithoutAuthorize_Should_StayAnonymous()
    {
        var response = await fixture.Server.CreateAnonymousClient().GetAsync("/workflows/hello?name=Ada", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<int> InstanceCountAsync(string definitionId) =>
        (await fixture.Server.GetJsonAsync($"/elsa/api/workflow-instances?definitionId={definitionId}"))["totalCount"]!.GetValue<int>();
}

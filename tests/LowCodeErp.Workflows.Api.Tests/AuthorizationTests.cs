using FluentAssertions;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Workflows.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LowCodeErp.Workflows.Api.Tests;

/// <summary>
/// Every /elsa/api route carries the WorkflowsApi policy plus exactly one permission, except the ones Elsa serves
/// anonymously; and no endpoint of the server is left without an explicit authorization decision.
/// </summary>
public sealed class AuthorizationTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly string[] Anonymous = ["elsa/api/package/version"];

    /// <summary>Which permission a route needs: designing, running, reading or administration (method + route).</summary>
    public static TheoryData<string, string, string> ExpectedPermissions() => new()
    {
        { "GET", "elsa/api/workflow-definitions", ErpPermissions.WorkflowsRead },
        { "GET", "elsa/api/workflow-instances/{id}", ErpPermissions.WorkflowsRead },
        { "POST", "elsa/api/workflow-instances", ErpPermissions.WorkflowsRead },
        { "GET", "elsa/api/descriptors/activities", ErpPermissions.WorkflowsRead },
        { "GET", "elsa/api/workflow-definitions/{definitionId}/export", ErpPermissions.WorkflowsRead },
        { "POST", "elsa/api/workflow-definitions", ErpPermissions.WorkflowsDesign },
        { "POST", "elsa/api/workflow-definitions/{definitionId}/publish", ErpPermissions.WorkflowsDesign },
        { "POST", "elsa/api/workflow-definitions/{definitionId}/retract", ErpPermissions.WorkflowsDesign },
        { "DELETE", "elsa/api/workflow-definitions/{definitionId}", ErpPermissions.WorkflowsDesign },
        { "POST", "elsa/api/workflow-definitions/import", ErpPermissions.WorkflowsDesign },
        { "DELETE", "elsa/api/workflow-definition-versions/{id}", ErpPermissions.WorkflowsDesign },
        { "POST", "elsa/api/workflow-definitions/{definitionId}/execute", ErpPermissions.WorkflowsRun },
        { "POST", "elsa/api/workflow-definitions/{definitionId}/dispatch", ErpPermissions.WorkflowsRun },
        { "POST", "elsa/api/cancel/workflow-instances/{id}", ErpPermissions.WorkflowsRun },
        { "POST", "elsa/api/events/{eventName}/trigger", ErpPermissions.WorkflowsRun },
        { "DELETE", "elsa/api/workflow-instances/{id}", ErpPermissions.Admin },
        { "POST", "elsa/api/bulk-actions/delete/workflow-instances", ErpPermissions.Admin },
        { "POST", "elsa/api/workflow-instances/{id}/variables", ErpPermissions.Admin },
        { "GET", "api/tasks", ErpPermissions.TasksWork },
        { "GET", "api/tasks/{id}", ErpPermissions.TasksWork },
        { "POST", "api/tasks/{id}/claim", ErpPermissions.TasksWork },
        { "POST", "api/tasks/{id}/complete", ErpPermissions.TasksWork },
    };

    [Theory]
    [InlineData("inbox")]
    [InlineData("inbox/tasks/{TaskId}")]
    [InlineData("studio/instances/{instanceId}")]
    public void BrowserPages_Should_RequireTheOneSharedPagePolicy(string route)
    {
        var endpoints = Endpoints().Where(e => Route(e) == route).ToList();

        endpoints.Should().NotBeEmpty(route);
        endpoints.Should().OnlyContain(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == PagePolicies.SignedInPage), route);
    }

    [Fact]
    public void ElsaApiRoutes_Should_RequireTheWorkflowsApiPolicy_AndOnePermission_ExceptAnonymousOnes()
    {
        var endpoints = Endpoints().Where(e => Route(e).StartsWith("elsa/api", StringComparison.Ordinal)).ToList();

        endpoints.Should().HaveCountGreaterThan(30);
        foreach (var endpoint in endpoints)
        {
            var route = Route(endpoint);
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (Anonymous.Contains(route))
            {
                endpoint.Metadata.GetMetadata<IAllowAnonymous>().Should().NotBeNull(route);
            }
            else
            {
                policies.Should().Contain(ElsaApiAuthorization.PolicyName, route);
                policies.Where(p => p?.StartsWith("permission:", StringComparison.Ordinal) == true).Should().ContainSingle(route);
                endpoint.Metadata.GetMetadata<IAllowAnonymous>().Should().BeNull(route);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ExpectedPermissions))]
    public void Route_Should_NeedItsPermission(string method, string route, string permission)
    {
        var endpoint = Endpoints().Single(e => Route(e) == route
            && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Contains(method));

        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Should().Contain(ErpPermissions.PolicyName(permission));
    }

    [Fact]
    public void EveryEndpoint_Should_DeclareAuthorization_OrBeExplicitlyAnonymous()
    {
        var undecided = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            // ASP.NET Core's own development-time fallback of MapStaticAssets (files of wwwroot not yet in the build
            // manifest): it is added outside the conventions, exists only in Development, and serves public files.
            .Where(e => !(e.DisplayName == "Fallback {**path:file}" && server.Services.GetRequiredService<IHostEnvironment>().IsDevelopment()))
            .Select(e => Route(e) + " = " + e.DisplayName)
            .ToList();

        undecided.Should().BeEmpty("a route without a decision would be open to anonymous callers");
    }

    private List<RouteEndpoint> Endpoints()
    {
        _ = server.CreateClient();
        return server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    private static string Route(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText!.TrimStart('/').TrimEnd('/');
}

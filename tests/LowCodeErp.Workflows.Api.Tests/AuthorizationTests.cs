using FluentAssertions;
using LowCodeErp.Workflows.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Api.Tests;

/// <summary>Every /elsa/api route carries the WorkflowsApi policy, except the ones Elsa serves anonymously.</summary>
public sealed class AuthorizationTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly string[] Anonymous = ["elsa/api/package/version"];

    [Fact]
    public void ElsaApiRoutes_Should_RequireTheWorkflowsApiPolicy_ExceptAnonymousOnes()
    {
        _ = server.CreateClient();
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("elsa/api", StringComparison.Ordinal) == true)
            .ToList();

        endpoints.Should().HaveCountGreaterThan(30);
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!.TrimStart('/').TrimEnd('/');
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (Anonymous.Contains(route))
            {
                endpoint.Metadata.GetMetadata<IAllowAnonymous>().Should().NotBeNull(route);
            }
            else
            {
                policies.Should().Contain(ElsaApiAuthorization.PolicyName, route);
                endpoint.Metadata.GetMetadata<IAllowAnonymous>().Should().BeNull(route);
            }
        }
    }
}

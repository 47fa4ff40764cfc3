using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace LowCodeErp.ServiceDefaults.Tests.Infrastructure;

/// <summary>Reads a ProblemDetails response and checks it is one.</summary>
public static class Problem
{
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", await response.Content.ReadAsStringAsync());
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        problem["status"]!.GetValue<int>().Should().Be((int)response.StatusCode);
        problem["title"]!.ToString().Should().NotBeNullOrWhiteSpace();
        return problem;
    }
}

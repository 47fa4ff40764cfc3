using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.Workflows.Api.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Api.Tests;

/// <summary>The lookups Studio loads before its editor renders, with the shapes its client deserializes.</summary>
public sealed class DescriptorsApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Theory]
    [InlineData("descriptors/activities", "typeName")]
    [InlineData("descriptors/expression-descriptors", "type")]
    [InlineData("descriptors/variables", "typeName")]
    [InlineData("descriptors/storage-drivers", "typeName")]
    [InlineData("descriptors/workflow-activation-strategies", "typeName")]
    [InlineData("descriptors/incident-strategies", "typeName")]
    [InlineData("descriptors/log-persistence-strategies", "typeName")]
    [InlineData("descriptors/commit-strategies/workflows", "name")]
    [InlineData("descriptors/commit-strategies/activities", "name")]
    [InlineData("features/installed", "fullName")]
    public async Task Descriptors_Should_ReturnNonEmptyListResponses(string route, string keyField)
    {
        var list = await server.GetJsonAsync("/elsa/api/" + route);

        var items = list["items"]!.AsArray();
        items.Should().NotBeEmpty();
        list["count"]!.GetValue<int>().Should().Be(items.Count);
        items.Should().OnlyContain(i => !string.IsNullOrEmpty((string?)i![keyField]) && !string.IsNullOrEmpty((string?)i["displayName"]));
    }

    [Fact]
    public async Task OutputConverters_Should_ReturnAnEmptyListResponse()
    {
        var list = await server.GetJsonAsync("/elsa/api/descriptors/output-converters");

        list["items"]!.AsArray().Should().BeEmpty();
        list["count"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task Activities_Should_BeUniquePerTypeAndVersion_WithStudiosFields()
    {
        var items = (await server.GetJsonAsync("/elsa/api/descriptors/activities?Refresh=True"))["items"]!.AsArray();

        items.Select(i => $"{i!["typeName"]}:{i["version"]}").Should().OnlyHaveUniqueItems();
        var flowchart = items.Single(i => (string)i!["typeName"]! == "Elsa.Flowchart")!;
        flowchart["isContainer"]!.GetValue<bool>().Should().BeTrue();
        var writeLine = items.Single(i => (string)i!["typeName"]! == "Elsa.WriteLine")!;
        writeLine["kind"]!.ToString().Should().Be("Action");
        writeLine["inputs"]!.AsArray().Should().Contain(i => (string)i!["name"]! == "Text" && i["uiHint"] != null && i["isWrapped"]!.GetValue<bool>());
        writeLine["ports"].Should().NotBeNull();
    }

    [Fact]
    public async Task ExpressionDescriptors_Should_ListOnlySupportedTypes()
    {
        var items = (await server.GetJsonAsync("/elsa/api/descriptors/expression-descriptors"))["items"]!.AsArray();

        items.Select(i => (string)i!["type"]!).Should().BeEquivalentTo("Literal", "Object", "JavaScript", "Liquid", "Variable", "Input");
        items.Single(i => (string)i!["type"]! == "JavaScript")!["properties"]!["MonacoLanguage"]!.ToString().Should().Be("javascript");
    }

    [Fact]
    public async Task PackageVersion_OpenApi_Scalar_And_Health_Should_Answer()
    {
        var client = server.CreateClient();

        (await server.GetJsonAsync("/elsa/api/package/version"))["packageVersion"]!.ToString().Should().NotBeNullOrEmpty();
        (await server.GetJsonAsync("/elsa/api/features/installed/LowCodeErp.Workflows.WorkflowsApi"))["name"]!.ToString().Should().Be("WorkflowsApi");
        var openApi = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        openApi.Should().Contain("/elsa/api/workflow-definitions/{definitionId}/execute");
        (await client.GetAsync("/scalar/v1", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetStringAsync("/health/live", TestContext.Current.CancellationToken)).Should().Be("Healthy");
    }
}

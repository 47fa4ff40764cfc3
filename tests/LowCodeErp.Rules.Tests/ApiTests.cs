using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.Rules.Tests.Infrastructure;

namespace LowCodeErp.Rules.Tests;

public sealed class ApiTests(RulesServerFactory server) : IClassFixture<RulesServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object SmallPrimeLease = new { lease = new { amount = 42000, termMonths = 36 }, applicant = new { band = "Prime" } };

    [Fact]
    public async Task ListAndGet_Should_ShowTheImportedRuleSets_AndTheirVersions()
    {
        var client = server.Client();

        var list = (await client.GetFromJsonAsync<JsonArray>("/api/rules", Ct))!;
        var get = (await client.GetFromJsonAsync<JsonNode>("/api/rules/PricingFloor", Ct))!;
        var missing = await client.GetAsync("/api/rules/NoSuchRules", Ct);

        list.Select(r => r!["name"]!.ToString()).Should().Contain(["ApprovalLimits", "CreditScoreBands", "PricingFloor"])
            .And.NotContain("Broken", "the invalid file was skipped and the server started anyway");
        get["versions"]![0]!["state"]!.ToString().Should().Be("Published");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missing.Content.ReadFromJsonAsync<JsonNode>(Ct))!["detail"]!.ToString().Should().Be("rule set 'NoSuchRules' does not exist");
    }

    [Fact]
    public async Task Evaluate_Should_ReturnVersionAndResults_And422NamingABrokenRule()
    {
        var client = server.Client();

        var body = await RulesServerFactory.EvaluateAsync(client, "ApprovalLimits", SmallPrimeLease);
        var broken = await client.PostAsJsonAsync("/api/rules/ApprovalLimits/evaluate", new { inputs = new { lease = new { amount = 1 } } }, Ct);
        var noInputs = await client.PostAsJsonAsync("/api/rules/ApprovalLimits/evaluate", new { }, Ct);
        using var namelessBody = new StringContent("""{ "inputs": { "": { "amount": 1 } } }""", System.Text.Encoding.UTF8, "application/json");
        var nameless = await client.PostAsync("/api/rules/ApprovalLimits/evaluate", namelessBody, Ct);

        body["version"]!.GetValue<int>().Should().BeGreaterThan(0);
        var results = body["results"]!.AsArray();
        results.Should().HaveCount(5);
        results[0]!.AsObject().Select(p => p.Key).Should().Equal("ruleName", "isSuccess", "successEvent", "errorMessage", "output");
        results.Single(r => r!["ruleName"]!.ToString() == "RequiredApprovers")!["output"]!.GetValue<decimal>().Should().Be(1);
        body["successEvents"]!.AsArray().Select(e => e!.ToString()).Should().Equal("AutoApprove");
        broken.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await broken.Content.ReadFromJsonAsync<JsonNode>(Ct))!["rule"]!.ToString().Should().Be("SalesAutoApproval");
        noInputs.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noInputs.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!["inputs"].Should().NotBeNull();
        nameless.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await nameless.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!["inputs"]![0]!.ToString().Should().Contain("needs a name");
    }

    [Fact]
    public async Task DraftTestPublishRetract_Should_FollowTheLifecycle()
    {
        var client = server.Client();
        var content = JsonNode.Parse(VersioningTests.Limit(100))!;
        var tests = JsonNode.Parse("""
            { "cases": [
              { "name": "small", "inputs": { "lease": { "amount": 90 } }, "expect": { "successEvents": ["Approve"] } },
              { "name": "large", "inputs": { "lease": { "amount": 150 } }, "expect": { "successEvents": ["Approve"] } } ] }
            """);

        var invalid = await client.PutAsJsonAsync("/api/rules/Limit/draft", new { content = JsonNode.Parse("""{ "WorkflowName": "Limit", "Rules": [ { "RuleName": "R" } ] }""") }, Ct);
        var saved = await client.PutAsJsonAsync("/api/rules/Limit/draft", new { content, tests }, Ct);
        var testRun = (await (await client.PostAsync("/api/rules/Limit/test", null, Ct)).Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        var published = await client.PostAsync("/api/rules/Limit/publish", null, Ct);
        var again = await client.PostAsync("/api/rules/Limit/publish", null, Ct);
        var retracted = await client.PostAsync("/api/rules/Limit/retract", null, Ct);
        var evaluateRetracted = await client.PostAsJsonAsync("/api/rules/Limit/evaluate", new { inputs = new { lease = new { amount = 1 } } }, Ct);

        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!["content.Rules[0].Expression"]![0]!.ToString().Should().Contain("(rule 'R')");
        saved.StatusCode.Should().Be(HttpStatusCode.OK);
        testRun["passed"]!.GetValue<int>().Should().Be(1);
        testRun["failed"]!.GetValue<int>().Should().Be(1);
        testRun["cases"]![1]!["differences"]![0]!.ToString().Should().Be("successEvents: expected [Approve], actual []; missing Approve");
        published.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        retracted.StatusCode.Should().Be(HttpStatusCode.OK);
        evaluateRetracted.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadInput_Should_AnswerProblemDetailsNamingTheField_And404ForUnknownNames()
    {
        var client = server.Client();
        var valid = JsonNode.Parse(VersioningTests.Limit(10).Replace("\"Limit\"", "\"BadInput\"", StringComparison.Ordinal));

        var noContent = await client.PutAsJsonAsync("/api/rules/BadInput/draft", new { tests = new { cases = Array.Empty<object>() } }, Ct);
        var wrongName = await client.PutAsJsonAsync("/api/rules/Other/draft", new { content = valid }, Ct);
        var badTests = await client.PutAsJsonAsync("/api/rules/BadInput/draft",
            new { content = valid, tests = JsonNode.Parse("""{ "cases": [ { "name": "no inputs", "expect": {} } ] }""") }, Ct);
        using var malformed = new StringContent("{ \"content\": ", System.Text.Encoding.UTF8, "application/json");
        var notJson = await client.PutAsync("/api/rules/BadInput/draft", malformed, Ct);
        var badLimit = await client.PostAsJsonAsync("/api/rules/ApprovalLimits/versions/1/preview", new { limit = 0 }, Ct);
        var unknown = new[]
        {
            await client.PostAsJsonAsync("/api/rules/NoSuchRules/evaluate", new { inputs = new { lease = new { amount = 1 } } }, Ct),
            await client.PostAsJsonAsync("/api/rules/ApprovalLimits/evaluate", new { inputs = new { lease = new { amount = 1 } }, version = 99 }, Ct),
            await client.GetAsync("/api/rules/ApprovalLimits/versions/99", Ct),
            await client.PostAsync("/api/rules/NoSuchRules/publish", null, Ct),
            await client.PostAsync("/api/rules/NoSuchRules/retract", null, Ct),
            await client.PostAsync("/api/rules/NoSuchRules/test", null, Ct),
            await client.PostAsJsonAsync("/api/rules/NoSuchRules/versions/1/preview", new { }, Ct),
        };

        (await ErrorsAsync(noContent)).Should().ContainKey("content");
        (await ErrorsAsync(wrongName))["content.WorkflowName"]![0]!.ToString().Should().Contain("must be the rule set's name 'Other'");
        (await ErrorsAsync(badTests)).Select(e => e.Key).Should().ContainSingle().Which.Should().StartWith("tests.cases[0]");
        notJson.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a malformed body is the client's mistake, not a 500");
        (await notJson.Content.ReadFromJsonAsync<JsonNode>(Ct))!["detail"]!.ToString().Should().Contain("$.content");
        (await ErrorsAsync(badLimit)).Should().ContainKey("limit");
        foreach (var response in unknown)
        {
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, "{0} {1}", response.RequestMessage!.Method, response.RequestMessage.RequestUri);
            (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["detail"]!.ToString().Should().NotBeNullOrEmpty();
        }

        (await client.GetAsync("/api/rules/BadInput", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound, "no bad request saved anything");
    }

    [Fact]
    public async Task StaleEditsAndPublishes_Should_Answer409_AndChangeNothing()
    {
        var client = server.Client();
        JsonNode Content(int amount) => JsonNode.Parse(VersioningTests.Limit(amount).Replace("\"Limit\"", "\"Stale\"", StringComparison.Ordinal))!;
        var loaded = await InfoAsync(await client.PutAsJsonAsync("/api/rules/Stale/draft", new { content = Content(1000) }, Ct));

        // Analyst A saves over the draft both loaded; analyst B's page still holds the old hash.
        var a = await InfoAsync(await client.PutAsJsonAsync("/api/rules/Stale/draft", new { content = Content(900), expectedHash = loaded["contentHash"]!.ToString() }, Ct));
        var b = await client.PutAsJsonAsync("/api/rules/Stale/draft", new { content = Content(800), expectedHash = loaded["contentHash"]!.ToString() }, Ct);
        // B publishes what B reviewed: not what is stored now.
        var staleReview = await client.PostAsync($"/api/rules/Stale/publish?version=1&expectedHash={loaded["contentHash"]}", null, Ct);
        var reviewed = await client.PostAsync($"/api/rules/Stale/publish?version=1&expectedHash={a["contentHash"]}", null, Ct);
        var again = await client.PostAsync("/api/rules/Stale/publish?version=1", null, Ct);
        var stalePage = await client.PutAsJsonAsync("/api/rules/Stale/draft", new { content = Content(700), expectedHash = loaded["contentHash"]!.ToString() }, Ct);

        a["version"]!.GetValue<int>().Should().Be(1);
        b.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await b.Content.ReadFromJsonAsync<JsonNode>(Ct))!["detail"]!.ToString().Should().Contain("was changed by someone else");
        staleReview.StatusCode.Should().Be(HttpStatusCode.Conflict);
        reviewed.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict, "v1 is not a draft any more");
        (await again.Content.ReadFromJsonAsync<JsonNode>(Ct))!["detail"]!.ToString().Should().Be("rule set 'Stale' v1 is not a draft any more (it was published)");
        stalePage.StatusCode.Should().Be(HttpStatusCode.Conflict, "a page loaded before the publish must not start v2 from stale content");
        var versions = (await client.GetFromJsonAsync<JsonNode>("/api/rules/Stale", Ct))!["versions"]!.AsArray();
        versions.Should().ContainSingle();
        (await client.GetFromJsonAsync<JsonNode>("/api/rules/Stale/versions/1", Ct))!["content"]!["Rules"]![0]!["Expression"]!.ToString()
            .Should().Be("lease.amount <= 900", "the published version is what A saved and reviewed");
    }

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        return (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["errors"]!.AsObject();
    }

    private static async Task<JsonNode> InfoAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
    }

    [Fact]
    public async Task Preview_Should_ReportWhichRecordedDecisionsTheDraftWouldChange()
    {
        var client = server.Client();
        (await client.PutAsJsonAsync("/api/rules/Preview/draft", new { content = JsonNode.Parse(VersioningTests.Limit(1000).Replace("\"Limit\"", "\"Preview\"", StringComparison.Ordinal)) }, Ct)).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/rules/Preview/publish", null, Ct)).EnsureSuccessStatusCode();
        foreach (var amount in new[] { 500, 900, 1500, 2500 })
        {
            await RulesServerFactory.EvaluateAsync(client, "Preview", new { lease = new { amount } });
        }

        var draft = await client.PutAsJsonAsync("/api/rules/Preview/draft",
            new { content = JsonNode.Parse(VersioningTests.Limit(800).Replace("\"Limit\"", "\"Preview\"", StringComparison.Ordinal)) }, Ct);
        var preview = (await (await client.PostAsJsonAsync("/api/rules/Preview/versions/2/preview", new { limit = 100 }, Ct)).Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        var unknown = await client.PostAsJsonAsync("/api/rules/Preview/versions/9/preview", new { }, Ct);

        (await draft.Content.ReadFromJsonAsync<JsonNode>(Ct))!["version"]!.GetValue<int>().Should().Be(2);
        preview["evaluated"]!.GetValue<int>().Should().Be(4);
        preview["changed"]!.GetValue<int>().Should().Be(1, "only the 900 lease moves from Approve to nothing");
        preview["unchanged"]!.GetValue<int>().Should().Be(3);
        preview["transitions"]!["Approve → (none)"]!.GetValue<int>().Should().Be(1);
        var example = preview["examples"]!.AsArray().Single()!;
        example["inputs"]!["lease"]!["amount"]!.GetValue<decimal>().Should().Be(900);
        example["before"]!["successEvents"]!.AsArray().Select(e => e!.ToString()).Should().Equal("Approve");
        example["after"]!["successEvents"]!.AsArray().Should().BeEmpty();
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Scenario_Should_RunThroughTheEmbeddedServer_WithPortsFromSuccessEvents()
    {
        var client = server.Client();

        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions/lease-credit-decision/execute",
            new { input = new { Applicant = new { creditScore = 700, defaults = 0, yearsInBusiness = 5, annualRevenue = 500000, existingDebt = 10000, yearsOfCreditHistory = 9 } } }, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var state = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["workflowState"]!;
        state["output"]!["Decision"]!.ToString().Should().Be("ApproveWithPremium");
    }
}

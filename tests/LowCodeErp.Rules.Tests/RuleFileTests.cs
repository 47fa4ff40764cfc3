using FluentAssertions;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Tests.Infrastructure;

namespace LowCodeErp.Rules.Tests;

public sealed class RuleFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Parser_Should_NameThePathAndRule_ForEachProblem()
    {
        var parsed = RuleSetParser.Parse("""
            { "WorkflowName": "X", "Rules": [
              { "RuleName": "A", "Expression": "" },
              { "RuleName": "A", "Expression": "input1.x > 1" },
              { "RuleName": "B", "Expression": "true", "Actions": { "OnSuccess": { "Name": "SendMail" } } },
              { "Expression": "true" } ] }
            """);

        parsed.IsValid.Should().BeFalse();
        parsed.Errors.Select(e => e.ToString()).Should().BeEquivalentTo(
            "$.Rules[0].Expression: is required (a LambdaExpression over the inputs, e.g. input1.amount > 1000) (rule 'A')",
            "$.Rules[1].RuleName: duplicate rule name (also at $.Rules[0]) (rule 'A')",
            "$.Rules[2].Actions.OnSuccess.Name: unknown action 'SendMail' (use OutputExpression or EvaluateRule) (rule 'B')",
            "$.Rules[3].RuleName: is required");
    }

    [Fact]
    public void Parser_Should_RejectBrokenJson_And_ArraysOfWorkflows()
    {
        RuleSetParser.Parse("{ \"WorkflowName\": ").Errors.Single().Message.Should().StartWith("invalid JSON");
        RuleSetParser.Parse("[{ \"WorkflowName\": \"X\", \"Rules\": [] }]").Errors.Single().ToString()
            .Should().Be("$: a rule set is one RulesEngine workflow object (not an array)");
        RuleSetParser.Parse("{ \"Rules\": [] }").Errors.Select(e => e.JsonPath).Should().BeEquivalentTo("$.WorkflowName", "$.Rules");
    }

    [Fact]
    public void RepositoryRuleSets_Should_BeValid()
    {
        foreach (var file in Directory.EnumerateFiles(Paths.RulesFolder, "*.json").Where(f => !f.EndsWith(".tests.json", StringComparison.Ordinal)))
        {
            RuleSetParser.Parse(File.ReadAllText(file)).Errors.Should().BeEmpty(file);
        }
    }

    [Fact]
    public async Task Import_Should_PublishValidFiles_ReportInvalidOnes_AndSkipUnchanged()
    {
        await using var host = await RulesHost.StartAsync();
        var folder = Path.Combine(host.Folder, "rules");
        Paths.CopyRules(folder);
        File.WriteAllText(Path.Combine(folder, "broken.json"), """{ "WorkflowName": "Broken", "Rules": [ { "RuleName": "NoExpression", "SuccessEvent": "X" } ] }""");
        File.WriteAllText(Path.Combine(folder, "pricing-floor.tests.json"), """{ "cases": [ { "name": "no inputs" } ] }""");

        var first = await host.Importer.ImportAsync(folder, Ct);

        first.Errors.Should().BeEquivalentTo(
            "broken.json:$.Rules[0].Expression: is required (a LambdaExpression over the inputs, e.g. input1.amount > 1000) (rule 'NoExpression')",
            "pricing-floor.tests.json:$.cases[0].inputs: case 'no inputs' needs an 'inputs' object (input name → value)");
        first.Published.Select(p => (p.Name, p.Version)).Should().BeEquivalentTo([("ApprovalLimits", 1), ("CreditScoreBands", 1)]);
        (await host.Store.GetAsync("Broken", null, Ct)).Should().BeNull("nothing half-written for an invalid file");

        File.Copy(Path.Combine(Paths.RulesFolder, "pricing-floor.tests.json"), Path.Combine(folder, "pricing-floor.tests.json"), overwrite: true);
        File.WriteAllText(Path.Combine(folder, "approval-limits.json"),
            File.ReadAllText(Path.Combine(folder, "approval-limits.json")).Replace("lease.amount <= 50000 &&", "lease.amount <= 60000 &&", StringComparison.Ordinal));
        var second = await host.Importer.ImportAsync(folder, Ct);

        second.Published.Select(p => (p.Name, p.Version)).Should().BeEquivalentTo([("ApprovalLimits", 2), ("PricingFloor", 1)]);
        second.Unchanged.Should().BeEquivalentTo("CreditScoreBands");
        second.Errors.Should().ContainSingle().Which.Should().StartWith("broken.json:");
        (await host.Store.VersionsAsync("ApprovalLimits", Ct)).Select(v => v.State).Should().Equal(Stores.RuleSetVersionState.Published, Stores.RuleSetVersionState.Retired);
    }

    [Fact]
    public async Task Import_Should_RefuseAnExpressionThatCannotBeParsed_NamingFilePathAndRule_AndKeepTheLastGoodVersion()
    {
        await using var host = await RulesHost.StartAsync();
        var folder = Path.Combine(host.Folder, "rules");
        Paths.CopyRules(folder);
        (await host.Importer.ImportAsync(folder, Ct)).Errors.Should().BeEmpty();

        // A half-finished edit saved by the editor: the StandardBand threshold lost its right-hand side.
        var file = Path.Combine(folder, "credit-score-bands.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("applicant.creditScore >= 640 && applicant.creditScore < 720 && applicant.defaults == 0",
            "applicant.creditScore >= 640 && applicant.creditScore < 720 &&", StringComparison.Ordinal));
        var report = await host.Importer.ImportAsync(folder, Ct);

        report.Errors.Should().ContainSingle().Which.Should()
            .StartWith("credit-score-bands.json:$.Rules[1].Expression: cannot be parsed: ").And.EndWith("(rule 'StandardBand')");
        report.Published.Should().BeEmpty();
        var versions = await host.Store.VersionsAsync("CreditScoreBands", Ct);
        versions.Select(v => (v.Version, v.State)).Should().Equal([(1, Stores.RuleSetVersionState.Published)], "nothing half-written: no draft either");
    }

    [Fact]
    public async Task Import_Should_PublishARuleSetWhoseTestCasesFailAtRunTime_AndReportEverySyntaxError_AndKeepGoing()
    {
        await using var host = await RulesHost.StartAsync();
        var folder = Path.Combine(host.Folder, "rules");
        Directory.CreateDirectory(folder);
        // The test cases omit a property and give a null nested input: they fail when run, the file is still fine.
        File.WriteAllText(Path.Combine(folder, "a-runtime.json"), """
            { "WorkflowName": "Runtime", "Rules": [
              { "RuleName": "High", "Expression": "applicant.score >= 700" },
              { "RuleName": "City", "Expression": "applicant.address.city == \"Oslo\"" } ] }
            """);
        File.WriteAllText(Path.Combine(folder, "a-runtime.tests.json"), """
            { "cases": [
              { "name": "missing property", "inputs": { "applicant": { "address": { "city": "Oslo" } } }, "expect": { "successfulRules": ["City"] } },
              { "name": "null address", "inputs": { "applicant": { "score": 710, "address": null } }, "expect": { "successfulRules": ["High"] } } ] }
            """);
        // Two broken rules in one file: both are named, not only the first.
        File.WriteAllText(Path.Combine(folder, "b-broken.json"), """
            { "WorkflowName": "Broken", "Rules": [
              { "RuleName": "Fine", "Expression": "applicant.score > 1" },
              { "RuleName": "Dangling", "Expression": "applicant.score >= 700 &&" },
              { "RuleName": "Unclosed", "Expression": "(applicant.score > 1" } ] }
            """);
        File.WriteAllText(Path.Combine(folder, "b-broken.tests.json"), """
            { "cases": [ { "name": "any", "inputs": { "applicant": { "score": 1 } }, "expect": {} } ] }
            """);
        File.WriteAllText(Path.Combine(folder, "c-after.json"), """{ "WorkflowName": "After", "Rules": [ { "RuleName": "R", "Expression": "true" } ] }""");

        var report = await host.Importer.ImportAsync(folder, Ct);

        report.Published.Select(p => p.Name).Should().BeEquivalentTo("Runtime", "After");
        report.Errors.Should().HaveCount(2);
        report.Errors[0].Should().StartWith("b-broken.json:$.Rules[1].Expression: cannot be parsed: ").And.EndWith("(rule 'Dangling')");
        report.Errors[1].Should().StartWith("b-broken.json:$.Rules[2].Expression: cannot be parsed: ").And.EndWith("(rule 'Unclosed')");
        var runtime = await host.Store.GetAsync("Runtime", null, Ct);
        var tests = await Testing.RuleTestRunner.RunAsync(Engine.RuleSetCache.Compile(runtime!), Testing.RuleTestSuite.Parse(runtime!.Tests!));
        tests.Cases.Should().OnlyContain(c => !c.Passed && c.Differences.Single().StartsWith("error: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveDraft_Should_AcceptTestCasesThatFailAtRunTime_AndRefuseASyntaxError()
    {
        await using var host = await RulesHost.StartAsync();
        const string Tests = """{ "cases": [ { "name": "no score", "inputs": { "applicant": { "name": "x" } }, "expect": { "successfulRules": ["High"] } } ] }""";

        var saved = await host.Store.SaveDraftAsync("S", """{ "WorkflowName": "S", "Rules": [ { "RuleName": "High", "Expression": "applicant.score >= 700" } ] }""", Tests, Ct);
        var broken = async () => await host.Store.SaveDraftAsync("S", """{ "WorkflowName": "S", "Rules": [ { "RuleName": "High", "Expression": "applicant.score >= " } ] }""", Tests, Ct);

        saved.State.Should().Be(Stores.RuleSetVersionState.Draft);
        (await broken.Should().ThrowAsync<RuleSetInvalidException>()).Which.Errors.Single().JsonPath.Should().Be("$.Rules[0].Expression");
    }
}

using FluentAssertions;
using LowCodeErp.Rules.Activities;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Tests.Infrastructure;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Rules.Tests;

public sealed class ActivityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Scenario => File.ReadAllText(Paths.TestData("lease-credit-decision.json"));

    private static Dictionary<string, object?> Applicant(int score, int defaults = 0, int years = 10) => new()
    {
        ["Applicant"] = new Dictionary<string, object?>
        {
            ["creditScore"] = score, ["defaults"] = defaults, ["yearsInBusiness"] = years,
            ["annualRevenue"] = 1_000_000, ["existingDebt"] = 100_000, ["yearsOfCreditHistory"] = 10,
        },
    };

    [Theory]
    [InlineData(780, 0, "Approve")]
    [InlineData(660, 0, "ApproveWithPremium")]
    [InlineData(500, 0, "Decline")]
    [InlineData(600, 0, "ReferToUnderwriter")]
    public async Task Scenario_Should_FollowThePortOfTheSuccessEvent_OrNoMatch(int score, int defaults, string decision)
    {
        await using var host = await RulesHost.StartAsync();
        await host.ImportRepositoryRulesAsync();
        var loaded = host.LoadWorkflow(Scenario).Single();
        loaded.Errors.Should().BeEmpty();

        var run = await host.RunAsync(loaded.Definition!, Applicant(score, defaults));

        run.Incidents.Should().BeEmpty();
        run.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        run.Output["Decision"].Should().Be(decision);
    }

    [Fact]
    public async Task Activity_Should_RaiseAnIncidentNamingTheRule_WhenAnInputPropertyIsMissing()
    {
        await using var host = await RulesHost.StartAsync();
        await host.ImportRepositoryRulesAsync();
        var loaded = host.LoadWorkflow(Scenario).Single();

        var run = await host.RunAsync(loaded.Definition!, new Dictionary<string, object?> { ["Applicant"] = new Dictionary<string, object?> { ["creditScore"] = 700 } });

        run.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        var incident = run.Incidents.Should().ContainSingle().Which;
        incident.ActivityId.Should().Be("score");
        incident.Message.Should().Contain("Rule 'PrimeBand' of rule set 'CreditScoreBands'");
        run.Output.Should().NotContainKey("Decision", "an evaluation error is never a silent NoMatch");
    }

    [Fact]
    public async Task Validation_Should_ReportAPortThatNamesNoSuccessEvent_AndAnUnknownRuleSet()
    {
        await using var host = await RulesHost.StartAsync();
        await host.ImportRepositoryRulesAsync();

        var badPort = host.LoadWorkflow(Scenario.Replace("\\\"Decline\\\"]", "\\\"Rejected\\\"]", StringComparison.Ordinal)).Single();
        var unknown = host.LoadWorkflow(Scenario.Replace("\"CreditScoreBands\"", "\"NoSuchRules\"", StringComparison.Ordinal)).Single();

        badPort.Errors.Select(e => e.ToString()).Should().ContainSingle().Which.Should().Be(
            "$.root.activities[1].outcomes.expression.value[2]: port 'Rejected' names no SuccessEvent of rule set 'CreditScoreBands' " +
            "(it has: Decline, ManualReview, Prime, Standard, Subprime) (activity score)");
        unknown.Errors.Select(e => e.ToString()).Should().ContainSingle().Which.Should().Be(
            "$.root.activities[1].ruleSet: no published rule set named 'NoSuchRules' (activity score)");
    }

    [Fact]
    public void Descriptor_Should_DrawPortsFromTheDynamicOutcomesInput_PlusNoMatch()
    {
        var descriptor = Workflows.Abstractions.Descriptors.ActivityDescriber.Describe<EvaluateRules>();

        descriptor.TypeName.Should().Be("Erp.EvaluateRules");
        descriptor.Inputs.Single(i => i.Name == "Outcomes").UIHint.Should().Be("dynamic-outcomes");
        descriptor.Outputs.Select(o => o.Name).Should().BeEquivalentTo("Results", "SuccessEvents");
        descriptor.Ports.Select(p => p.Name).Should().Equal(EvaluateRules.NoMatch);
        typeof(RuleResult).GetProperties().Select(p => p.Name).Should().BeEquivalentTo("RuleName", "IsSuccess", "SuccessEvent", "ErrorMessage", "Output");
    }
}

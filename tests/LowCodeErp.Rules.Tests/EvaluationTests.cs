using FluentAssertions;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Tests.Infrastructure;

namespace LowCodeErp.Rules.Tests;

public sealed class EvaluationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object Prime = new { creditScore = 765, defaults = 0, yearsInBusiness = 12, annualRevenue = 4200000, existingDebt = 900000, yearsOfCreditHistory = 15 };

    [Fact]
    public async Task Publish_Should_CompileAndWarm_BeforeTheFirstEvaluation()
    {
        await using var host = await RulesHost.StartAsync();
        await host.Store.SaveDraftAsync("Limit", VersioningTests.Limit(100), null, Ct);

        host.Cache.Contains("Limit", 1).Should().BeFalse("a draft is never cached");
        await host.Store.PublishAsync("Limit", cancellationToken: Ct);

        host.Cache.Contains("Limit", 1).Should().BeTrue("publishing compiles and caches the version");
        var first = await host.Cache.GetAsync("Limit", null, Ct);
        (await host.Cache.GetAsync("Limit", 1, Ct)).Should().BeSameAs(first, "one engine per (rule set, version)");
    }

    [Fact]
    public async Task WarmAll_Should_LoadEveryPublishedRuleSet_AtStartUp()
    {
        await using var host = await RulesHost.StartAsync();
        await host.ImportRepositoryRulesAsync();
        await using var restarted = await RulesHost.StartAsync(host.Folder);

        restarted.Cache.IsLoaded.Should().BeFalse();
        await restarted.Cache.WarmAllAsync(Ct);

        restarted.Cache.IsLoaded.Should().BeTrue();
        restarted.Cache.Contains("CreditScoreBands", 1).Should().BeTrue();
        restarted.Cache.Contains("ApprovalLimits", 1).Should().BeTrue();
        restarted.Cache.KnownSuccessEvents("PricingFloor", null).Should().BeEquivalentTo("BelowFloor", "FloorMet");
    }

    [Fact]
    public async Task Evaluate_Should_ReturnEveryRule_WithOutputsAndSuccessEvents()
    {
        await using var host = await RulesHost.StartAsync();
        await host.ImportRepositoryRulesAsync();

        var evaluation = await host.Evaluator.EvaluateAsync("CreditScoreBands", null, [new("applicant", Prime)], Ct);

        evaluation.Version.Should().Be(1);
        evaluation.Results.Should().HaveCount(8);
        evaluation.SuccessEvents.Should().Equal("Prime");
        var prime = evaluation.Results.Single(r => r.RuleName == "PrimeBand");
        prime.IsSuccess.Should().BeTrue();
        prime.Output.Should().Be(0.000m);
        evaluation.Results.Single(r => r.RuleName == "DeclineLowScore").ErrorMessage.Should().Be("Score is at least 560.");
    }

    [Fact]
    public async Task Evaluate_Should_ThrowNamingTheRule_WhenAPropertyIsMissing_NotReturnFalse()
    {
        await using var host = await RulesHost.StartAsync();
        await host.ImportRepositoryRulesAsync();

        var evaluate = async () => await host.Evaluator.EvaluateAsync("PricingFloor", null,
            [new("quote", new { rate = 0.05, termMonths = 48 })], Ct);

        var failure = (await evaluate.Should().ThrowAsync<RuleEvaluationException>()).Which;
        failure.RuleName.Should().Be("MarginFloor");
        failure.Message.Should().Contain("Rule 'MarginFloor' of rule set 'PricingFloor' v1").And.Contain("costOfFunds");
    }

    [Fact]
    public async Task Recorder_Should_KeepTheNewestEvaluations_PerRuleSet()
    {
        await using var host = await RulesHost.StartAsync();
        await host.Store.SaveDraftAsync("Limit", VersioningTests.Limit(100), null, Ct);
        await host.Store.PublishAsync("Limit", cancellationToken: Ct);

        for (var amount = 1; amount <= 60; amount++)
        {
            await host.Evaluator.EvaluateAsync("Limit", null, [new("lease", new { amount })], Ct);
            if (amount % 20 == 0)
            {
                await host.Recorder.FlushAsync(Ct);
            }
        }

        var recent = await host.Recorder.RecentAsync("Limit", 1000, Ct);
        recent.Should().HaveCount(50, "RetainEvaluations is 50 in the test host");
        recent[0].Inputs["lease"].GetProperty("amount").GetDecimal().Should().Be(60);
        recent[0].Decision.SuccessEvents.Should().Equal("Approve");
    }

    [Fact]
    public async Task Recorder_Should_SampleAtMostTheBudgetPerSecond_PerRuleSet()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var host = await RulesHost.StartAsync(options: new RulesOptions { MaxRecordsPerSecond = 3 }, clock: clock);
        await host.Store.SaveDraftAsync("Limit", VersioningTests.Limit(100), null, Ct);
        await host.Store.PublishAsync("Limit", cancellationToken: Ct);

        for (var second = 0; second < 2; second++)
        {
            for (var i = 0; i < 10; i++)
            {
                await host.Evaluator.EvaluateAsync("Limit", null, [new("lease", new { amount = (second * 10) + i })], Ct);
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await host.Recorder.FlushAsync(Ct);
        var recorded = await host.Recorder.RecentAsync("Limit", 100, Ct);
        recorded.Select(r => r.Inputs["lease"].GetProperty("amount").GetInt32()).Should().Equal(12, 11, 10, 2, 1, 0);
    }
}

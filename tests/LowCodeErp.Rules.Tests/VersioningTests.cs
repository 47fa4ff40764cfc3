using FluentAssertions;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Stores;
using LowCodeErp.Rules.Tests.Infrastructure;

namespace LowCodeErp.Rules.Tests;

public sealed class VersioningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static string Limit(int amount) => $$"""
        { "WorkflowName": "Limit", "Rules": [ { "RuleName": "Small", "SuccessEvent": "Approve", "Expression": "lease.amount <= {{amount}}" } ] }
        """;

    [Fact]
    public async Task Drafts_Should_BeOverwritten_UntilPublished_ThenANewVersionStarts()
    {
        await using var host = await RulesHost.StartAsync();

        var v1 = await host.Store.SaveDraftAsync("Limit", Limit(100), null, Ct);
        var v1Again = await host.Store.SaveDraftAsync("Limit", Limit(200), null, Ct);
        var published = await host.Store.PublishAsync("Limit", cancellationToken: Ct);
        var v2 = await host.Store.SaveDraftAsync("Limit", Limit(300), null, Ct);

        v1.Version.Should().Be(1);
        v1Again.Version.Should().Be(1, "a draft is overwritten in place");
        published!.State.Should().Be(RuleSetVersionState.Published);
        v2.Version.Should().Be(2);
        (await host.Store.GetAsync("Limit", 1, Ct))!.Content.Should().Be(Limit(200), "a published version is immutable");
        (await host.Store.GetAsync("Limit", null, Ct))!.Info.Version.Should().Be(1, "the draft is not evaluated until published");
    }

    [Fact]
    public async Task Publish_Should_RetireThePrevious_KeepOnePublished_AndRetractLeavesNone()
    {
        await using var host = await RulesHost.StartAsync();
        await host.Store.SaveDraftAsync("Limit", Limit(100), null, Ct);
        await host.Store.PublishAsync("Limit", cancellationToken: Ct);
        await host.Store.SaveDraftAsync("Limit", Limit(500), null, Ct);

        (await host.Store.PublishAsync("Limit", 2, Ct))!.Version.Should().Be(2);
        (await host.Store.PublishAsync("Limit", cancellationToken: Ct)).Should().BeNull("there is no draft left");
        var versions = await host.Store.VersionsAsync("Limit", Ct);
        versions.Select(v => (v.Version, v.State)).Should().Equal((2, RuleSetVersionState.Published), (1, RuleSetVersionState.Retired));

        (await host.Evaluator.EvaluateAsync("Limit", null, [new("lease", new { amount = 400 })], Ct)).SuccessEvents.Should().Equal("Approve");
        (await host.Store.RetractAsync("Limit", Ct))!.Version.Should().Be(2);
        (await host.Store.RetractAsync("Limit", Ct)).Should().BeNull();
        var evaluateRetracted = async () => await host.Evaluator.EvaluateAsync("Limit", null, [new("lease", new { amount = 400 })], Ct);
        await evaluateRetracted.Should().ThrowAsync<RuleSetNotFoundException>();
        (await host.Evaluator.EvaluateAsync("Limit", 1, [new("lease", new { amount = 400 })], Ct)).SuccessEvents.Should().BeEmpty("v1 is pinnable after retirement");
    }

    [Fact]
    public async Task SaveDraft_Should_RejectInvalidContent_AndAMismatchedName_WritingNothing()
    {
        await using var host = await RulesHost.StartAsync();

        var invalid = async () => await host.Store.SaveDraftAsync("Limit", """{ "WorkflowName": "Other", "Rules": [ { "RuleName": "R" } ] }""", null, Ct);

        var errors = (await invalid.Should().ThrowAsync<RuleSetInvalidException>()).Which.Errors.Select(e => e.ToString());
        errors.Should().Contain("$.Rules[0].Expression: is required (a LambdaExpression over the inputs, e.g. input1.amount > 1000) (rule 'R')");
        (await host.Store.VersionsAsync("Limit", Ct)).Should().BeEmpty();
    }
}

using System.Security.Claims;
using FluentAssertions;
using LowCodeErp.Rules.Editing;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Stores;
using LowCodeErp.Rules.Tests.Infrastructure;
using LowCodeErp.ServiceDefaults.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Rules.Tests;

/// <summary>The web UI's editing service: the API's permission policies for the signed-in user, the store's validation.</summary>
public sealed class EditorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ClaimsPrincipal User(params string[] permissions) =>
        new(new ClaimsIdentity(permissions.Select(p => new Claim(ErpClaimTypes.Permissions, p)), "test"));

    private static Task<RulesHost> StartAsync() =>
        RulesHost.StartAsync(configure: services => services.AddLogging().AddPermissionPolicies());

    [Fact]
    public async Task Designer_Should_SaveTestPreviewAndPublish_AndTheNextEvaluationUsesIt()
    {
        await using var host = await StartAsync();
        var editor = host.Get<RuleSetEditor>();
        var analyst = User(ErpPermissions.WorkflowsRead, ErpPermissions.WorkflowsDesign);
        await host.Store.SaveDraftAsync("Limit", VersioningTests.Limit(100), null, Ct);
        await host.Store.PublishAsync("Limit", cancellationToken: Ct);
        await host.Evaluator.EvaluateAsync("Limit", null, [new("lease", new { amount = 150 })], Ct);
        const string tests = """{ "cases": [ { "name": "150 is approved", "inputs": { "lease": { "amount": 150 } }, "expect": { "successEvents": ["Approve"] } } ] }""";

        var draft = await editor.SaveDraftAsync(analyst, "Limit", VersioningTests.Limit(200), tests, Ct);
        var report = await editor.TestAsync(analyst, "Limit", draft.Version, Ct);
        var impact = await editor.PreviewAsync(analyst, "Limit", draft.Version, 50, Ct);
        var published = await editor.PublishAsync(analyst, "Limit", draft.Version, Ct);

        report!.Failed.Should().Be(0);
        report.Passed.Should().Be(1);
        impact.Changed.Should().Be(1, "the recorded 150 was refused by v1 and is approved by the draft");
        published!.State.Should().Be(RuleSetVersionState.Published);
        (await host.Evaluator.EvaluateAsync("Limit", null, [new("lease", new { amount = 150 })], Ct)).SuccessEvents.Should().Equal("Approve");
        (await editor.GetAsync(analyst, "Limit", Ct))!.Versions.Select(v => v.State).Should().Equal(RuleSetVersionState.Published, RuleSetVersionState.Retired);
    }

    [Fact]
    public async Task Reader_Should_SeeRuleSets_ButNotChangeThem()
    {
        await using var host = await StartAsync();
        var editor = host.Get<RuleSetEditor>();
        await host.Store.SaveDraftAsync("Limit", VersioningTests.Limit(100), null, Ct);
        var sales = User(ErpPermissions.WorkflowsRead, ErpPermissions.WorkflowsRun);

        (await editor.ListAsync(sales, Ct)).Select(r => r.Name).Should().Equal("Limit");
        var save = () => editor.SaveDraftAsync(sales, "Limit", VersioningTests.Limit(200), null, Ct);
        var publish = () => editor.PublishAsync(sales, "Limit", 1, Ct);
        var list = () => editor.ListAsync(User(), Ct);

        (await save.Should().ThrowAsync<RuleEditingForbiddenException>()).Which.Permission.Should().Be(ErpPermissions.WorkflowsDesign);
        await publish.Should().ThrowAsync<RuleEditingForbiddenException>();
        await list.Should().ThrowAsync<RuleEditingForbiddenException>();
        (await host.Store.GetAsync("Limit", 1, Ct))!.Content.Should().Be(VersioningTests.Limit(100), "nothing was saved");
    }

    [Fact]
    public async Task InvalidDocument_Should_NameEveryProblemByJsonPath_AndSaveNothing()
    {
        await using var host = await StartAsync();
        var editor = host.Get<RuleSetEditor>();
        var analyst = User(ErpPermissions.All);

        var save = () => editor.SaveDraftAsync(analyst, "Limit", """{ "WorkflowName": "Limit", "Rules": [ { "RuleName": "Small" } ] }""", null, Ct);

        (await save.Should().ThrowAsync<RuleSetInvalidException>()).Which.Errors.Select(e => e.ToString())
            .Should().ContainSingle(e => e.StartsWith("$.Rules[0].Expression:", StringComparison.Ordinal));
        (await host.Store.VersionsAsync("Limit", Ct)).Should().BeEmpty();
    }

    [Fact]
    public async Task TwoAnalysts_Should_NotOverwriteEachOther_AndOnlyTheReviewedDraftIsPublished()
    {
        await using var host = await StartAsync();
        var editor = host.Get<RuleSetEditor>();
        var (anna, ben) = (User(ErpPermissions.WorkflowsRead, ErpPermissions.WorkflowsDesign), User(ErpPermissions.WorkflowsRead, ErpPermissions.WorkflowsDesign));
        await host.Store.SaveDraftAsync("Limit", VersioningTests.Limit(100), null, Ct);
        var annasPage = (await editor.GetAsync(anna, "Limit", Ct))!.Latest.Info;
        var bensPage = (await editor.GetAsync(ben, "Limit", Ct))!.Latest.Info;

        var annaSaved = await editor.SaveDraftAsync(anna, "Limit", VersioningTests.Limit(150), null, annasPage.ContentHash, Ct);
        var benSaves = () => editor.SaveDraftAsync(ben, "Limit", VersioningTests.Limit(900), null, bensPage.ContentHash, Ct);
        var benPublishes = () => editor.PublishAsync(ben, "Limit", bensPage.Version, bensPage.ContentHash, Ct);

        await benSaves.Should().ThrowAsync<RuleSetConflictException>();
        await benPublishes.Should().ThrowAsync<RuleSetConflictException>("Ben reviewed the draft before Anna changed it");
        (await editor.PublishAsync(anna, "Limit", annaSaved.Version, annaSaved.ContentHash, Ct))!.State.Should().Be(RuleSetVersionState.Published);
        (await host.Store.GetAsync("Limit", null, Ct))!.Content.Should().Be(VersioningTests.Limit(150));
    }
}

using System.Security.Claims;
using LowCodeErp.Rules.Engine;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Stores;
using LowCodeErp.Rules.Testing;
using LowCodeErp.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;

namespace LowCodeErp.Rules.Editing;

/// <summary>The caller lacks the permission an operation needs (a page shows it; the API's answer would be 403).</summary>
public sealed class RuleEditingForbiddenException(string permission)
    : Exception($"This needs the '{permission}' permission.")
{
    /// <summary>The missing permission.</summary>
    public string Permission { get; } = permission;
}

/// <summary>One rule set for the editor: its versions (newest first) and the latest version's documents.</summary>
public sealed record RuleSetForEditing(string Name, IReadOnlyList<RuleSetVersionInfo> Versions, RuleSetVersion Latest);

/// <summary>
/// The web UI's rule editing, in-process, with the same permission policies as <c>/api/rules</c> checked for the
/// signed-in user on every call: reading needs <c>workflows:read</c>; saving, testing, previewing and publishing need
/// <c>workflows:design</c>. The store validates exactly as for the API, so the page shows the same
/// <c>json-path: message</c> errors.
/// </summary>
public sealed class RuleSetEditor(RuleSetStore store, ImpactPreview preview, IAuthorizationService authorization)
{
    /// <summary>The latest version of every rule set.</summary>
    public async Task<IReadOnlyList<RuleSetVersionInfo>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await DemandAsync(user, ErpPermissions.WorkflowsRead);
        return await store.ListAsync(cancellationToken);
    }

    /// <summary>A rule set with its latest version; null when it does not exist.</summary>
    public async Task<RuleSetForEditing?> GetAsync(ClaimsPrincipal user, string name, CancellationToken cancellationToken = default)
    {
        await DemandAsync(user, ErpPermissions.WorkflowsRead);
        var versions = await store.VersionsAsync(name, cancellationToken);
        return versions.Count > 0 && await store.GetAsync(name, versions[0].Version, cancellationToken) is { } latest
            ? new RuleSetForEditing(name, versions, latest) : null;
    }

    /// <summary>Saves the draft; throws <see cref="RuleSetInvalidException"/> with every problem of the documents.</summary>
    public Task<RuleSetVersionInfo> SaveDraftAsync(ClaimsPrincipal user, string name, string content, string? tests, CancellationToken cancellationToken = default) =>
        SaveDraftAsync(user, name, content, tests, expectedHash: null, cancellationToken);

    /// <summary>
    /// Saves the draft unless the latest version is no longer the one the page loaded (<paramref name="expectedHash"/>):
    /// two analysts editing at once get a <see cref="RuleSetConflictException"/> instead of overwriting each other.
    /// </summary>
    public async Task<RuleSetVersionInfo> SaveDraftAsync(ClaimsPrincipal user, string name, string content, string? tests, string? expectedHash,
        CancellationToken cancellationToken = default)
    {
        await DemandAsync(user, ErpPermissions.WorkflowsDesign);
        return await store.SaveDraftAsync(name, content, string.IsNullOrWhiteSpace(tests) ? null : tests, expectedHash, cancellationToken);
    }

    /// <summary>Runs the version's stored test cases; null when the version has none.</summary>
    public async Task<RuleTestReport?> TestAsync(ClaimsPrincipal user, string name, int version, CancellationToken cancellationToken = default)
    {
        await DemandAsync(user, ErpPermissions.WorkflowsDesign);
        var stored = await store.GetAsync(name, version, cancellationToken) ?? throw new RuleSetNotFoundException($"rule set '{name}' has no version {version}");
        return stored.Tests is null ? null : await RuleTestRunner.RunAsync(RuleSetCache.Compile(stored), RuleTestSuite.Parse(stored.Tests));
    }

    /// <summary>The impact of a version on the recorded evaluations.</summary>
    public async Task<ImpactPreviewResult> PreviewAsync(ClaimsPrincipal user, string name, int version, int limit, CancellationToken cancellationToken = default)
    {
        await DemandAsync(user, ErpPermissions.WorkflowsDesign);
        return await preview.PreviewAsync(name, version, limit, cancellationToken)
            ?? throw new RuleSetNotFoundException($"rule set '{name}' has no version {version}");
    }

    /// <summary>
    /// Publishes the draft <paramref name="version"/>; null when the rule set has no such version. A version that is no
    /// longer a draft (published meanwhile) is a <see cref="RuleSetConflictException"/> (409 in the API).
    /// </summary>
    public Task<RuleSetVersionInfo?> PublishAsync(ClaimsPrincipal user, string name, int version, CancellationToken cancellationToken = default) =>
        PublishAsync(user, name, version, expectedHash: null, cancellationToken);

    /// <summary>
    /// Publishes the draft as the page showed, tested and previewed it (<paramref name="expectedHash"/>); null when the
    /// rule set has no such version; a changed or already published draft is a <see cref="RuleSetConflictException"/>.
    /// </summary>
    public async Task<RuleSetVersionInfo?> PublishAsync(ClaimsPrincipal user, string name, int version, string? expectedHash, CancellationToken cancellationToken = default)
    {
        await DemandAsync(user, ErpPermissions.WorkflowsDesign);
        return await store.PublishAsync(name, version, expectedHash, cancellationToken);
    }

    /// <summary>Whether the user may change rules (pages show a read-only view otherwise; every change checks again).</summary>
    public async Task<bool> CanDesignAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (await authorization.AuthorizeAsync(user, ErpPermissions.PolicyName(ErpPermissions.WorkflowsDesign))).Succeeded;
    }

    private async Task DemandAsync(ClaimsPrincipal user, string permission)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!(await authorization.AuthorizeAsync(user, ErpPermissions.PolicyName(permission))).Succeeded)
        {
            throw new RuleEditingForbiddenException(permission);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using LowCodeErp.Rules.Engine;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Rules.Stores;

/// <summary>Draft, published (the one evaluated by default) or retracted/superseded (was published, is no more).</summary>
public enum RuleSetVersionState
{
    /// <summary>Editable.</summary>
    Draft,
    /// <summary>The published version.</summary>
    Published,
    /// <summary>Was published; immutable.</summary>
    Retired,
}

/// <summary>A version without its content (lists).</summary>
public sealed record RuleSetVersionInfo(string Name, int Version, RuleSetVersionState State, DateTimeOffset SavedAt, DateTimeOffset? PublishedAt, string ContentHash, bool HasTests);

/// <summary>A version with its content.</summary>
public sealed record RuleSetVersion(RuleSetVersionInfo Info, string Content, string? Tests);

/// <summary>A lost race (two publishes at once, a draft saved while it was published): the API answers 409.</summary>
public sealed class RuleSetConflictException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Rule set versions with the flow lifecycle: save draft (a new version after a published one, otherwise the draft is
/// overwritten), publish the draft (the previous published version is retired, never changed), retract. Every
/// publish and retract is announced through <see cref="IRuleSetPublishedNotifier"/>, which keeps caches right.
/// </summary>
public sealed class RuleSetStore(RulesDatabase database, IRuleSetPublishedNotifier notifier, TimeProvider clock)
{
    /// <summary>The latest version of every rule set.</summary>
    public async Task<IReadOnlyList<RuleSetVersionInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var rows = await db.RuleSets.AsNoTracking().ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Name).Select(g => Info(g.MaxBy(r => r.Version)!)).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The published version of every rule set (name → version); one small query for cache reconciliation.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PublishedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        return await db.RuleSets.Where(r => r.IsPublished).Select(r => new { r.Name, r.Version })
            .ToDictionaryAsync(r => r.Name, r => r.Version, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>All versions of one rule set, newest first; empty when unknown.</summary>
    public async Task<IReadOnlyList<RuleSetVersionInfo>> VersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var rows = await db.RuleSets.AsNoTracking().Where(r => r.Name == name).OrderByDescending(r => r.Version).ToListAsync(cancellationToken);
        return rows.Select(Info).ToList();
    }

    /// <summary>One version, the published one (<paramref name="version"/> null), or null.</summary>
    public async Task<RuleSetVersion?> GetAsync(string name, int? version, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var query = db.RuleSets.AsNoTracking().Where(r => r.Name == name);
        var row = version is { } v ? await query.SingleOrDefaultAsync(r => r.Version == v, cancellationToken)
            : await query.SingleOrDefaultAsync(r => r.IsPublished, cancellationToken);
        return row is null ? null : new RuleSetVersion(Info(row), row.Content, row.Tests);
    }

    /// <summary>Validates and saves the draft; throws <see cref="RuleSetInvalidException"/> for a bad document.</summary>
    public Task<RuleSetVersionInfo> SaveDraftAsync(string name, string content, string? tests, CancellationToken cancellationToken = default) =>
        SaveDraftAsync(name, content, tests, expectedHash: null, cancellationToken);

    /// <summary>
    /// Validates and saves the draft. With <paramref name="expectedHash"/> (the <see cref="RuleSetVersionInfo.ContentHash"/>
    /// of the latest version the editor loaded) a change by someone else since then is a
    /// <see cref="RuleSetConflictException"/> (409) instead of being overwritten.
    /// </summary>
    public async Task<RuleSetVersionInfo> SaveDraftAsync(string name, string content, string? tests, string? expectedHash,
        CancellationToken cancellationToken = default)
    {
        Validate(name, content, tests);
        await using var db = database.CreateDbContext();
        var latest = await db.RuleSets.AsNoTracking().Where(r => r.Name == name).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
        if (expectedHash is not null && !string.Equals(latest?.ContentHash, expectedHash, StringComparison.Ordinal))
        {
            throw new RuleSetConflictException(latest is null
                ? $"rule set '{name}' does not exist any more"
                : $"rule set '{name}' was changed by someone else (now v{latest.Version}, {(latest.PublishedAt is null ? "draft" : "published")}); reload it");
        }

        var hash = Hash(content, tests);
        var now = clock.GetUtcNow();
        if (latest is { PublishedAt: null })
        {
            // Overwrite the draft only as it was read: a concurrent save or publish in between is a 409, and a version
            // published in the meantime is never changed.
            var updated = await db.RuleSets.Where(r => r.Id == latest.Id && r.PublishedAt == null && r.ContentHash == latest.ContentHash)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Content, content).SetProperty(r => r.Tests, tests)
                    .SetProperty(r => r.ContentHash, hash).SetProperty(r => r.SavedAt, now), cancellationToken);
            if (updated == 0)
            {
                throw new RuleSetConflictException($"rule set '{name}' changed concurrently; reload it");
            }

            latest.Content = content;
            latest.Tests = tests;
            latest.ContentHash = hash;
            latest.SavedAt = now;
            return Info(latest);
        }

        var row = new RuleSetVersionRecord
        {
            Id = Guid.NewGuid().ToString(),
            Name = name,
            Version = (latest?.Version ?? 0) + 1,
            Content = content,
            Tests = tests,
            ContentHash = hash,
            SavedAt = now,
        };
        db.RuleSets.Add(row);
        // Two editors creating the next version at once: the unique (name, version) index makes the second a 409.
        await SaveAsync(db, $"rule set '{name}' changed concurrently", cancellationToken);
        return Info(row);
    }

    /// <summary>Publishes the draft (<paramref name="version"/> must be it when given); null when there is no draft.</summary>
    public Task<RuleSetVersionInfo?> PublishAsync(string name, int? version = null, CancellationToken cancellationToken = default) =>
        PublishAsync(name, version, expectedHash: null, cancellationToken);

    /// <summary>
    /// Publishes the draft; null when the rule set has no such version. A <paramref name="version"/> that is no longer a
    /// draft (published or retired meanwhile), or a draft whose content is not <paramref name="expectedHash"/> (changed
    /// since the caller tested or previewed it), is a <see cref="RuleSetConflictException"/> (409): what gets published
    /// is exactly what was reviewed.
    /// </summary>
    public async Task<RuleSetVersionInfo?> PublishAsync(string name, int? version, string? expectedHash, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var rows = await db.RuleSets.Where(r => r.Name == name && (r.IsPublished || r.PublishedAt == null || r.Version == version)).ToListAsync(cancellationToken);
        var draft = rows.Where(r => r.PublishedAt is null && (version is null || r.Version == version)).MaxBy(r => r.Version);
        if (draft is null)
        {
            return rows.Any(r => r.Version == version)
                ? throw new RuleSetConflictException($"rule set '{name}' v{version} is not a draft any more (it was published)")
                : null;
        }

        if (expectedHash is not null && !string.Equals(draft.ContentHash, expectedHash, StringComparison.Ordinal))
        {
            throw new RuleSetConflictException($"rule set '{name}' v{draft.Version} was changed after you loaded it; review it again before publishing");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two saves: the filtered unique index must never see two published rows, whatever order EF would update them in.
        foreach (var previous in rows.Where(r => r.IsPublished))
        {
            previous.IsPublished = false;
        }

        await SaveAsync(db, $"rule set '{name}' was published concurrently", cancellationToken);
        // The draft only as it was read: a save that changed it in the meantime must not be published unreviewed.
        var publishedAt = clock.GetUtcNow();
        var flipped = await db.RuleSets.Where(r => r.Id == draft.Id && r.PublishedAt == null && r.ContentHash == draft.ContentHash)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.IsPublished, true).SetProperty(r => r.PublishedAt, publishedAt), cancellationToken);
        if (flipped == 0)
        {
            throw new RuleSetConflictException($"rule set '{name}' v{draft.Version} changed while it was being published; review it again");
        }

        await transaction.CommitAsync(cancellationToken);
        draft.IsPublished = true;
        draft.PublishedAt = publishedAt;
        await notifier.PublishedAsync(name, draft.Version, cancellationToken);
        return Info(draft);
    }

    /// <summary>Retracts the published version (nothing is evaluated by default afterwards); null when none was published.</summary>
    public async Task<RuleSetVersionInfo?> RetractAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var published = await db.RuleSets.SingleOrDefaultAsync(r => r.Name == name && r.IsPublished, cancellationToken);
        if (published is null)
        {
            return null;
        }

        published.IsPublished = false;
        await SaveAsync(db, $"rule set '{name}' changed concurrently", cancellationToken);
        await notifier.RetractedAsync(name, cancellationToken);
        return Info(published);
    }

    /// <summary>SHA-256 (hex) of a document and its tests.</summary>
    public static string Hash(string content, string? tests) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{content}\u0000{tests}")));

    /// <summary>
    /// Every problem of a rule set document and its tests document, as saving would report them (editors check while
    /// the user types; saving checks again).
    /// </summary>
    public static IReadOnlyList<RuleFileError> Problems(string name, string content, string? tests) =>
        Inspect(name, content, tests).Errors;

    private static void Validate(string name, string content, string? tests)
    {
        var (errors, workflow, suite) = Inspect(name, content, tests);
        if (errors.Count == 0 && workflow is not null && suite is not null)
        {
            errors = [.. Testing.ExpressionSyntaxCheck.Check(workflow, suite)];
        }

        if (errors.Count > 0)
        {
            throw new RuleSetInvalidException(errors);
        }
    }

    // Parses both documents once: the document problems, and what the expression check needs when there are none.
    private static (List<RuleFileError> Errors, RulesEngine.Models.Workflow? Workflow, Testing.RuleTestSuite? Suite) Inspect(
        string name, string content, string? tests)
    {
        var parsed = RuleSetParser.Parse(content);
        var errors = parsed.Errors.ToList();
        if (parsed.Workflow is { } workflow && !string.Equals(workflow.WorkflowName, name, StringComparison.Ordinal))
        {
            errors.Add(new RuleFileError("$.WorkflowName", $"'{workflow.WorkflowName}' must be the rule set's name '{name}'"));
        }

        var suite = tests is null ? null : Testing.RuleTestSuite.Parse(tests);
        if (suite is not null)
        {
            errors.AddRange(suite.Errors);
        }

        return (errors, parsed.Workflow, suite);
    }

    private static async Task SaveAsync(RulesDbContext db, string conflict, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            throw new RuleSetConflictException(conflict, exception);
        }
    }

    private static RuleSetVersionInfo Info(RuleSetVersionRecord row) => new(row.Name, row.Version,
        row.IsPublished ? RuleSetVersionState.Published : row.PublishedAt is null ? RuleSetVersionState.Draft : RuleSetVersionState.Retired,
        row.SavedAt, row.PublishedAt, row.ContentHash, row.Tests is not null);
}

using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Registry;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Core.Validation;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>Definition versions in the database; also the engine's <see cref="IWorkflowDefinitionProvider"/>.</summary>
public sealed partial class EfWorkflowDefinitionStore(
    IDbContextFactory<WorkflowsDbContext> contexts, WorkflowSerializer serializer, WorkflowValidator validator,
    ActivityRegistry registry, TimeProvider clock) : IWorkflowDefinitionStore
{
    // Registration is idempotent, so two first readers racing here only do the work twice.
    private volatile bool _activitiesRegistered;

    // Parsed versions by version id. Only rows whose content can no longer change are cached (published, or no
    // longer the latest); every write to a definition drops its entries, so flags stay current on this node.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WorkflowDefinition> _versions = new(StringComparer.Ordinal);

    // Which version of a definition is published, so a start by definition id needs no query. Writes on this node drop
    // the entry at once; a publish on another replica is seen here within the time to live.
    private static readonly TimeSpan PublishedLookupTtl = TimeSpan.FromSeconds(2);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string VersionId, DateTimeOffset Until)> _published = new(StringComparer.Ordinal);

    // Definitions whose expired published pointer one caller is re-reading right now.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _refreshing = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async ValueTask<WorkflowDefinition?> FindAsync(string definitionId, VersionOptions version, CancellationToken cancellationToken = default)
    {
        if (version != VersionOptions.Published || !_published.TryGetValue(definitionId, out var pointer) || !_versions.TryGetValue(pointer.VersionId, out var published))
        {
            return await QueryAsync(definitionId, version, cancellationToken);
        }

        var now = clock.GetUtcNow();
        if (pointer.Until > now)
        {
            return published;
        }

        // Expired: one caller re-reads which version is published while the others go on with the one known so far, for
        // at most one more time to live. When every start in flight re-read it at once, a busy node opened hundreds of
        // connections every time to live and PostgreSQL refused the surplus ("too many clients").
        if (!_refreshing.TryAdd(definitionId, true))
        {
            return pointer.Until + PublishedLookupTtl > now ? published : await QueryAsync(definitionId, version, cancellationToken);
        }

        try
        {
            return await QueryAsync(definitionId, version, cancellationToken);
        }
        finally
        {
            _refreshing.TryRemove(definitionId, out _);
        }
    }

    private async ValueTask<WorkflowDefinition?> QueryAsync(string definitionId, VersionOptions version, CancellationToken cancellationToken)
    {
        // Before any read, also when nothing is found: callers rely on it to make stored workflows-as-activities known
        // (the API calls FindAsync("") before reading documents that may use them).
        await EnsureActivitiesRegisteredAsync(cancellationToken);
        await using var db = contexts.CreateDbContext();
        var query = db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).Where(VersionFilter.For(version))
            .OrderByDescending(d => d.IsLatest).ThenByDescending(d => d.Version);
        // Only the id first: a cached version needs neither its document nor a parse.
        var id = await query.Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            ForgetPublished(definitionId, version);
            return null;
        }

        if (!_versions.TryGetValue(id, out var found))
        {
            var record = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
            found = record is null ? null : await ToCachedDefinitionAsync(record, cancellationToken);
        }

        if (found is { IsPublished: true } && version == VersionOptions.Published)
        {
            _published[definitionId] = (found.Id, clock.GetUtcNow() + PublishedLookupTtl);
        }
        else
        {
            ForgetPublished(definitionId, version);
        }

        return found;
    }

    // Nothing is published any more (retracted or deleted, perhaps on another replica): no caller may go on with the
    // version the expired pointer names.
    private void ForgetPublished(string definitionId, VersionOptions version)
    {
        if (version == VersionOptions.Published)
        {
            _published.TryRemove(definitionId, out _);
        }
    }

    /// <inheritdoc />
    public async ValueTask<WorkflowDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default)
    {
        if (_versions.TryGetValue(versionId, out var cached))
        {
            return cached;
        }

        await using var db = contexts.CreateDbContext();
        // Deleted versions too: an instance pinned to a version must still be able to finish on it.
        var record = await db.Definitions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(d => d.Id == versionId, cancellationToken);
        return record is null ? null : await ToCachedDefinitionAsync(record, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WorkflowDefinition> SaveDraftAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Invalidate(definition.DefinitionId);
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var latest = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == definition.DefinitionId && d.IsLatest, cancellationToken);
        if (latest is null || latest.IsPublished)
        {
            // Take the latest flag from the published version first, and only if it still has it: a concurrent save
            // that got there first leaves no row to update (PostgreSQL re-reads the row it waited for), so two drafts
            // can never both become the latest version, whatever version number each computed.
            if (latest is not null && await db.Definitions.Where(d => d.Id == latest.Id && d.IsLatest)
                    .ExecuteUpdateAsync(u => u.SetProperty(d => d.IsLatest, false), cancellationToken) == 0)
            {
                throw new ConcurrencyConflictException($"Definition '{definition.DefinitionId}' changed while it was being saved; try again.");
            }

            var next = await NextVersionAsync(db, definition.DefinitionId, cancellationToken);
            var idTaken = string.IsNullOrEmpty(definition.Id)
                || await db.Definitions.IgnoreQueryFilters().AnyAsync(d => d.Id == definition.Id, cancellationToken);
            latest = new WorkflowDefinitionRecord
            {
                Id = idTaken ? Guid.NewGuid().ToString("N") : definition.Id,
                DefinitionId = definition.DefinitionId,
                Version = next,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Definitions.Add(latest);
        }

        definition.Id = latest.Id;
        definition.Version = latest.Version;
        definition.IsLatest = true;
        definition.IsPublished = false;
        definition.CreatedAt = latest.CreatedAt;
        latest.IsLatest = true;
        latest.IsPublished = false;
        latest.Name = definition.Name;
        latest.UsableAsActivity = definition.IsUsableAsActivity;
        latest.Json = WorkflowSerializer.Write(definition, indented: false);
        latest.ContentHash = DefinitionContentHash.Compute(definition);
        await SaveVersionAsync(db, definition.DefinitionId, "saved", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Invalidate(definition.DefinitionId);
        return definition;
    }

    /// <inheritdoc />
    public async Task<PublishResult> PublishAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        Invalidate(definitionId);
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var latest = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsLatest, cancellationToken);
        if (latest is null)
        {
            return new PublishResult(null, [new DefinitionError("$", $"Definition '{definitionId}' has no version.")]);
        }

        await EnsureActivitiesRegisteredAsync(cancellationToken);
        var read = serializer.Read(latest.Json);
        var errors = read.Definition is null ? read.Errors : validator.Validate(read.Definition, read.Errors);
        if (read.Definition is null || errors.Count > 0)
        {
            return new PublishResult(read.Definition, errors);
        }

        // Clear the previous published version first, in its own statement: the partial unique index would reject
        // two published rows if the provider ran the updates in the other order.
        var previous = await db.Definitions.Where(d => d.DefinitionId == definitionId && d.IsPublished && d.Id != latest.Id).ToListAsync(cancellationToken);
        previous.ForEach(p => (p.IsPublished, p.IsLatest) = (false, false));
        await db.SaveChangesAsync(cancellationToken);
        latest.IsPublished = true;
        await db.SaveChangesAsync(cancellationToken);
        // Also enforced here, for a database whose index did not catch a concurrent publisher.
        if (await db.Definitions.CountAsync(d => d.DefinitionId == definitionId && d.IsPublished, cancellationToken) != 1)
        {
            throw new InvalidOperationException($"Definition '{definitionId}' would have more than one published version.");
        }

        await transaction.CommitAsync(cancellationToken);
        Invalidate(definitionId);
        var definition = Apply(read.Definition, latest);
        if (definition.IsUsableAsActivity)
        {
            registry.RegisterWorkflowActivity(definition);
        }

        return new PublishResult(definition, []);
    }

    /// <inheritdoc />
    public async Task<bool> RetractAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        Invalidate(definitionId);
        await using var db = contexts.CreateDbContext();
        var published = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsPublished, cancellationToken);
        if (published is null)
        {
            return false;
        }

        published.IsPublished = false;
        await db.SaveChangesAsync(cancellationToken);
        Invalidate(definitionId);
        return true;
    }

    /// <inheritdoc />
    public async Task<int> DeleteAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        Invalidate(definitionId);
        await using var db = contexts.CreateDbContext();
        var versions = await db.Definitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        versions.ForEach(v => (v.IsDeleted, v.IsPublished, v.IsLatest) = (true, false, false));
        await db.SaveChangesAsync(cancellationToken);
        Invalidate(definitionId);
        return versions.Count;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DefinitionVersionInfo>> ListAsync(VersionOptions version, string? definitionId = null, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var query = db.Definitions.Where(VersionFilter.For(version));
        if (definitionId is not null)
        {
            query = query.Where(d => d.DefinitionId == definitionId);
        }

        return await query.OrderBy(d => d.DefinitionId).ThenByDescending(d => d.Version)
            .Select(d => new DefinitionVersionInfo(d.Id, d.DefinitionId, d.Version, d.Name, d.IsLatest, d.IsPublished, d.UsableAsActivity, d.ContentHash, d.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    private async Task<WorkflowDefinition> ToDefinitionAsync(WorkflowDefinitionRecord record, CancellationToken cancellationToken)
    {
        await EnsureActivitiesRegisteredAsync(cancellationToken);
        var read = serializer.Read(record.Json);
        return read.Definition is null
            ? throw new InvalidOperationException($"Stored definition version '{record.Id}' cannot be read: {string.Join("; ", read.Errors)}")
            : Apply(read.Definition, record);
    }

    /// <summary>Parses the row and caches it when its content is final (published, or a newer version exists).</summary>
    private async Task<WorkflowDefinition> ToCachedDefinitionAsync(WorkflowDefinitionRecord record, CancellationToken cancellationToken)
    {
        var definition = await ToDefinitionAsync(record, cancellationToken);
        if (record.IsPublished || !record.IsLatest)
        {
            _versions[record.Id] = definition;
        }

        return definition;
    }

    /// <summary>Drops the cached versions of a definition; called before and after every write to it.</summary>
    private void Invalidate(string definitionId)
    {
        _published.TryRemove(definitionId, out _);
        foreach (var entry in _versions)
        {
            if (string.Equals(entry.Value.DefinitionId, definitionId, StringComparison.Ordinal))
            {
                _versions.TryRemove(entry);
            }
        }
    }

    /// <summary>The row is the truth for identity and flags (the document's copies may be stale).</summary>
    private static WorkflowDefinition Apply(WorkflowDefinition definition, WorkflowDefinitionRecord record)
    {
        definition.Id = record.Id;
        definition.DefinitionId = record.DefinitionId;
        definition.Version = record.Version;
        definition.IsLatest = record.IsLatest;
        definition.IsPublished = record.IsPublished;
        definition.CreatedAt = record.CreatedAt;
        return definition;
    }

    /// <summary>
    /// A fresh process knows no workflows-as-activities yet; documents that use them only read once those types are
    /// registered, so the stored ones are registered (from their headers) before the first read.
    /// </summary>
    private async Task EnsureActivitiesRegisteredAsync(CancellationToken cancellationToken)
    {
        if (_activitiesRegistered)
        {
            return;
        }

        await using var db = contexts.CreateDbContext();
        var documents = await db.Definitions.Where(d => d.UsableAsActivity && (d.IsPublished || d.IsLatest))
            .OrderBy(d => d.Version).Select(d => d.Json).ToListAsync(cancellationToken);
        foreach (var json in documents)
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            if (WorkflowSerializer.ReadHeader(document.RootElement, []) is { } header)
            {
                registry.RegisterWorkflowActivity(header);
            }
        }

        _activitiesRegistered = true;
    }
}

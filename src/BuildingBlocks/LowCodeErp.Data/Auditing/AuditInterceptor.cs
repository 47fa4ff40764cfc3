using System.Runtime.CompilerServices;
using LowCodeErp.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace LowCodeErp.Data.Auditing;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every audited change, in the same transaction as the change. Entries whose key
/// the database generates (identity columns) only know their id after the insert: for those the interceptor opens a
/// transaction (unless the caller has one), saves the entries right after the change, and commits both together.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    // One interceptor instance may serve many contexts (pooling, singletons); per-save state hangs off the context.
    private readonly ConditionalWeakTable<DbContext, PendingSave> _pending = [];

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context, beginTransaction: c => c.Database.BeginTransaction());
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Capture(eventData.Context, beginTransaction: null) is { } context)
        {
            _pending.GetValue(context, _ => new PendingSave()).Transaction =
                await context.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && !pending.Writing)
        {
            Finish(context, pending, () =>
            {
                context.SaveChanges();
                pending.Transaction?.Commit();
            });
        }

        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && !pending.Writing)
        {
            pending.Writing = true;
            try
            {
                AddDeferred(context, pending);
                await context.SaveChangesAsync(cancellationToken);
                if (pending.Transaction is not null)
                {
                    await pending.Transaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                await DisposeAsync(context, pending);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    /// <inheritdoc />
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Adds the entries whose keys are known; remembers the others. Returns the context when a transaction must be
    /// opened for deferred entries and <paramref name="beginTransaction"/> is null (the async path opens it itself).
    /// </summary>
    private DbContext? Capture(DbContext? context, Func<DbContext, IDbContextTransaction>? beginTransaction)
    {
        if (context is null || (_pending.TryGetValue(context, out var running) && running.Writing))
        {
            return null; // the interceptor's own second save
        }

        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var deferred = new List<(EntityEntry Entry, AuditEntry Audit)>();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditEntry && AuditModel.IsAudited(e.Metadata))
            .ToList();
        foreach (var entry in entries)
        {
            if (AuditEntryFactory.Describe(entry, now, currentUser.Id, currentUser.Name) is not { } audit)
            {
                continue;
            }

            if (AuditEntryFactory.HasTemporaryKey(entry))
            {
                deferred.Add((entry, audit));
            }
            else
            {
                context.Set<AuditEntry>().Add(audit);
            }
        }

        if (deferred.Count == 0)
        {
            return null;
        }

        var pending = new PendingSave { Deferred = deferred };
        _pending.AddOrUpdate(context, pending);
        if (context.Database.CurrentTransaction is not null)
        {
            return null; // the caller's transaction already spans both saves
        }

        if (beginTransaction is null)
        {
            return context;
        }

        pending.Transaction = beginTransaction(context);
        return null;
    }

    private static void AddDeferred(DbContext context, PendingSave pending)
    {
        foreach (var (entry, audit) in pending.Deferred)
        {
            audit.EntityId = AuditEntryFactory.KeyOf(entry);
            context.Set<AuditEntry>().Add(audit);
        }
    }

    private void Finish(DbContext context, PendingSave pending, Action save)
    {
        pending.Writing = true;
        try
        {
            AddDeferred(context, pending);
            save();
        }
        finally
        {
            pending.Transaction?.Dispose(); // disposing an uncommitted transaction rolls it back
            _pending.Remove(context);
        }
    }

    private async ValueTask DisposeAsync(DbContext context, PendingSave pending)
    {
        if (pending.Transaction is not null)
        {
            await pending.Transaction.DisposeAsync();
        }

        _pending.Remove(context);
    }

    private void Abandon(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending) && !pending.Writing)
        {
            pending.Transaction?.Dispose();
            _pending.Remove(context);
        }
    }

    private sealed class PendingSave
    {
        public List<(EntityEntry Entry, AuditEntry Audit)> Deferred { get; init; } = [];

        public IDbContextTransaction? Transaction { get; set; }

        /// <summary>True during the interceptor's own second save (which must not be audited again).</summary>
        public bool Writing { get; set; }
    }
}

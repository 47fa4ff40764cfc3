using LowCodeErp.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LowCodeErp.Data.SoftDelete;

/// <summary>
/// Turns the deletion of an <see cref="ISoftDeletable"/> entity into an update of DeletedAt/DeletedBy. Registered
/// before the audit interceptor, so the audit sees (and records) the soft delete as what it is.
/// </summary>
public sealed class SoftDeleteInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        MarkDeletions(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        MarkDeletions(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void MarkDeletions(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries<ISoftDeletable>().Where(e => e.State == EntityState.Deleted).ToList())
        {
            // Unchanged first, then set the two properties: only they are written, and only they appear in the audit.
            entry.State = EntityState.Unchanged;
            entry.Property(e => e.DeletedAt).CurrentValue = now;
            entry.Property(e => e.DeletedBy).CurrentValue = currentUser.Id ?? CurrentUserDefaults.SystemUserId;
        }
    }
}

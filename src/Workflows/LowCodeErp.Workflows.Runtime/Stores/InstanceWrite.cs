using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>
/// Everything one save of one instance writes: its row (state JSON already serialized by the caller, new stamp set),
/// its open bookmarks, and optional extra rows. It is a unit of <see cref="GroupCommitWriter"/>: it commits together
/// with the other units of its batch, or alone when the batch has to be split.
/// </summary>
internal sealed class InstanceWrite(WorkflowInstanceRecord row, Guid? expectedStamp, IReadOnlyList<BookmarkRecord> bookmarks,
    Func<WorkflowsDbContext, CancellationToken, Task>? alsoWrite)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkflowInstanceRecord Row { get; } = row;

    /// <summary>The stamp the caller loaded; null for an instance that must not exist yet.</summary>
    public Guid? ExpectedStamp { get; } = expectedStamp;

    /// <summary>Completes when the unit is committed, or fails with why it was not.</summary>
    public Task Completion => _done.Task;

    internal void Succeed() => _done.TrySetResult();

    internal void Fail(Exception exception) => _done.TrySetException(exception);

    /// <summary>Adds the unit's rows to <paramref name="db"/> (whose old bookmark rows the writer has already deleted).</summary>
    internal async Task ApplyAsync(WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        if (ExpectedStamp is not { } expected)
        {
            db.Instances.Add(Row);
        }
        else
        {
            // No SELECT: the UPDATE names the loaded stamp in its WHERE, so a save that happened after our load
            // matches no row and EF reports a concurrency conflict.
            var entry = db.Instances.Attach(Row);
            foreach (var property in entry.Properties)
            {
                property.IsModified = !property.Metadata.IsPrimaryKey() && property.Metadata.Name != nameof(WorkflowInstanceRecord.CreatedAt);
            }

            entry.Property(r => r.ConcurrencyStamp).OriginalValue = expected;
        }

        db.Bookmarks.AddRange(bookmarks);
        if (alsoWrite is not null)
        {
            await alsoWrite(db, cancellationToken);
        }
    }
}

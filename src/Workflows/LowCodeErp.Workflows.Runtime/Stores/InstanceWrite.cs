using System.Data.Common;
using LowCodeErp.Workflows.Runtime.Persistence;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>
/// Everything one save of one instance writes: its row (state JSON already serialized by the caller, new stamp set),
/// its open bookmarks, the timer, incident and journal rows of the burst, and the callback of modules whose rows join
/// the transaction. It is a unit of <see cref="GroupCommitWriter"/>: it commits together with the other units of its
/// batch, or alone when the batch has to be split. All rows are built before the unit is queued, so the writer only
/// moves them.
/// </summary>
internal sealed class InstanceWrite(WorkflowInstanceRecord row, Guid? expectedStamp, IReadOnlyList<BookmarkRecord> bookmarks)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkflowInstanceRecord Row { get; } = row;

    /// <summary>The stamp the caller loaded; null for an instance that must not exist yet.</summary>
    public Guid? ExpectedStamp { get; } = expectedStamp;

    /// <summary>The instance's open bookmarks; they replace the rows the instance had.</summary>
    public IReadOnlyList<BookmarkRecord> Bookmarks { get; } = bookmarks;

    /// <summary>Timer rows of time bookmarks that are gone.</summary>
    public IReadOnlyList<string> StaleTimerIds { get; set; } = [];

    /// <summary>Timer rows of new time bookmarks.</summary>
    public IReadOnlyList<TimerRecord> NewTimers { get; set; } = [];

    /// <summary>Incidents recorded since the last save.</summary>
    public IReadOnlyList<IncidentRecord> NewIncidents { get; set; } = [];

    /// <summary>The journal entries of the burst as one segment, if it made any.</summary>
    public JournalSegmentWrite? JournalSegment { get; set; }

    /// <summary>Writes modules' rows through the open connection and transaction, after this unit's own rows.</summary>
    public Func<DbConnection, DbTransaction, CancellationToken, Task>? AlsoWrite { get; set; }

    /// <summary>Child instances started by this burst (ExecuteWorkflow, DispatchWorkflow): they commit with it or not at all.</summary>
    public IReadOnlyList<InstanceWrite> Children { get; set; } = [];

    /// <summary>A new row's insert values as the provider stores them, made on the caller's thread (SQLite); null: the writer reads them.</summary>
    public object?[]? InsertValues { get; set; }

    /// <summary>Completes when the unit is committed, or fails with why it was not.</summary>
    public Task Completion => _done.Task;

    internal void Succeed() => _done.TrySetResult();

    internal void Fail(Exception exception) => _done.TrySetException(exception);
}

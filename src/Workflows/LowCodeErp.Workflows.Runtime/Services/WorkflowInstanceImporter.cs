using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>
/// Restores an exported instance (Elsa's instance import): its state with bookmark rows, the timer rows of its time
/// bookmarks, its incidents and its journal, in one transaction, as a burst would have saved them. Rows that modules
/// add in a burst (<see cref="IBurstParticipant"/>, e.g. human tasks) are not restored: they belong to those modules.
/// </summary>
public sealed class WorkflowInstanceImporter(EfWorkflowInstanceStore instances)
{
    /// <summary>Writes the instance; an instance with this id already exists → <see cref="ConcurrencyConflictException"/>, nothing written.</summary>
    public async Task ImportAsync(WorkflowState state, IReadOnlyList<JournalEntry> journal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(journal);
        var incidents = state.Incidents.Select(i => EfWorkflowLogStore.IncidentRow(state.Id, i)).ToList();
        var segment = journal.Count > 0 ? EfWorkflowLogStore.JournalSegmentWrite(state.Id, [.. journal.OrderBy(e => e.Sequence)]) : null;
        cancellationToken.ThrowIfCancellationRequested();
        var write = EfWorkflowInstanceStore.Prepare(state, expectedStamp: null);
        write.NewTimers = BurstPersister.TimerRows(state);
        write.NewIncidents = incidents;
        write.JournalSegment = segment;
        await instances.SaveAsync(write); // an insert: an existing id fails it as a ConcurrencyConflictException
    }
}

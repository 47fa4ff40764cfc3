using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>Append-only incident and journal records of instances.</summary>
public interface IWorkflowLogStore
{
    /// <summary>Appends incidents of an instance.</summary>
    Task AppendIncidentsAsync(string instanceId, IEnumerable<Incident> incidents, CancellationToken cancellationToken = default);

    /// <summary>Appends journal entries; their sequence numbers must be new for the instance.</summary>
    Task AppendJournalAsync(string instanceId, IEnumerable<JournalEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>An instance's incidents, oldest first.</summary>
    Task<IReadOnlyList<Incident>> ListIncidentsAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>A page of an instance's journal in sequence order, after <paramref name="afterSequence"/>.</summary>
    Task<IReadOnlyList<JournalEntry>> ListJournalAsync(string instanceId, long afterSequence = 0, int take = 100, CancellationToken cancellationToken = default);
}

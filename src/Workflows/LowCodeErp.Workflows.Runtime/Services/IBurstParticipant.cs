using System.Data.Common;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>
/// A module's rows that must commit or roll back with an instance's burst (e.g. a human task appearing exactly when the
/// instance starts waiting for it). Participants run inside the burst's transaction, before its single SaveChanges:
/// write through the given connection and transaction (a module's own DbContext can join them with
/// <c>Database.UseTransaction</c>). Throwing rolls the whole burst back.
/// </summary>
public interface IBurstParticipant
{
    /// <summary>Writes this module's rows for the burst being saved.</summary>
    Task OnSavingAsync(BurstSave save, CancellationToken cancellationToken);

    /// <summary>
    /// Called once the burst's transaction committed (never after a roll-back), e.g. to tell live views what changed.
    /// Must not throw: the burst is already saved.
    /// </summary>
    Task OnSavedAsync(WorkflowExecutionContext workflow, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The burst being saved and the open transaction it is saved in.</summary>
/// <param name="Workflow">The live instance (its bookmarks and the activities' transient work of this burst).</param>
/// <param name="State">The state being written.</param>
/// <param name="Connection">The open connection of the burst's transaction.</param>
/// <param name="Transaction">The burst's transaction.</param>
public sealed record BurstSave(WorkflowExecutionContext Workflow, WorkflowState State, DbConnection Connection, DbTransaction Transaction);

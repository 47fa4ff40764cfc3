using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>
/// On start-up, finds instances whose saved state says Executing — a process died mid-burst — marks them Interrupted
/// and continues them from their last saved state (see <see cref="WorkflowRuntime.RecoverAsync"/>). Runs before the
/// host accepts work (a hosted service's StartAsync), so no new burst of this node competes with it.
/// </summary>
public sealed class InstanceRecoveryService(IDbContextFactory<WorkflowsDbContext> contexts, WorkflowRuntime runtime) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken) => await RecoverAllAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Recovers every instance found Executing; returns how many were recovered.</summary>
    public async Task<int> RecoverAllAsync(CancellationToken cancellationToken = default)
    {
        List<string> ids;
        await using (var db = contexts.CreateDbContext())
        {
            ids = await db.Instances.AsNoTracking().Where(i => i.SubStatus == WorkflowSubStatus.Executing)
                .Select(i => i.Id).ToListAsync(cancellationToken);
        }

        var recovered = 0;
        foreach (var id in ids)
        {
            recovered += await runtime.RecoverAsync(id, cancellationToken) ? 1 : 0;
        }

        return recovered;
    }
}

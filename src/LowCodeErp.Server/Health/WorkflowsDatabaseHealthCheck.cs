using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LowCodeErp.Server.Health;

/// <summary>Readiness: the workflow database answers (SQLite file, PostgreSQL or SQL Server, whichever is configured).</summary>
public sealed class WorkflowsDatabaseHealthCheck(IDbContextFactory<WorkflowsDbContext> contexts) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The workflow database answers.")
            : HealthCheckResult.Unhealthy("The workflow database cannot be reached.");
    }
}

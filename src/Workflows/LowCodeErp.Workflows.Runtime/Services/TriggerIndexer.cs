using System.Text.Json;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>
/// Keeps the trigger rows (and trigger timers) of a definition in line with its published version (research §3.4):
/// re-indexed after every publish, retract and delete, so only the published version can start instances.
/// </summary>
public sealed class TriggerIndexer(IDbContextFactory<WorkflowsDbContext> contexts, WorkflowRunner runner)
{
    private static readonly HashSet<string> TimeTriggers = ["Elsa.Timer", "Elsa.Cron", "Elsa.StartAt"];

    /// <summary>Replaces the definition's trigger rows with those of <paramref name="published"/> (none when null).</summary>
    public async Task IndexAsync(string definitionId, WorkflowDefinition? published, CancellationToken cancellationToken = default)
    {
        var found = published is null ? [] : await runner.GetTriggersAsync(published, cancellationToken);
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var versionIds = await db.Triggers.Where(t => t.DefinitionId == definitionId).Select(t => t.DefinitionVersionId).Distinct().ToListAsync(cancellationToken);
        if (published is not null)
        {
            versionIds.Add(published.Id);
        }

        await db.Triggers.Where(t => t.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
        await db.Timers.Where(t => t.InstanceId == null && t.DefinitionVersionId != null && versionIds.Contains(t.DefinitionVersionId))
            .ExecuteDeleteAsync(cancellationToken);
        foreach (var trigger in found)
        {
            db.Triggers.Add(new TriggerRecord
            {
                Id = Guid.NewGuid().ToString("N"),
                DefinitionId = definitionId,
                DefinitionVersionId = published!.Id,
                ActivityId = trigger.ActivityId,
                Name = trigger.Name,
                Hash = trigger.Hash,
                PayloadJson = JsonSerializer.Serialize(trigger.Payload, SerializerOptions.Default),
            });
            if (TimeTriggers.Contains(trigger.Name) && BurstPersister.DueAt(trigger.Payload) is { } due)
            {
                db.Timers.Add(new TimerRecord { Id = Guid.NewGuid().ToString("N"), DefinitionVersionId = published.Id, ActivityId = trigger.ActivityId, DueAt = due });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Triggers with this stimulus hash.</summary>
    public async Task<IReadOnlyList<TriggerRecord>> FindByHashAsync(string hash, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Triggers.AsNoTracking().Where(t => t.Hash == hash).OrderBy(t => t.DefinitionId).ToListAsync(cancellationToken);
    }

    /// <summary>The next due time of a trigger timer after it fired at <paramref name="firedDueAt"/>; null when it does not recur.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(WorkflowDefinition definition, string activityId, DateTimeOffset firedDueAt, CancellationToken cancellationToken = default)
    {
        // Timer and Cron compute their payload from "now"; StartAt returns its fixed moment, which is not after the firing.
        var next = (await runner.GetTriggersAsync(definition, cancellationToken)).FirstOrDefault(t => t.ActivityId == activityId);
        return next is not null && BurstPersister.DueAt(next.Payload) is { } due && due > firedDueAt ? due : null;
    }
}

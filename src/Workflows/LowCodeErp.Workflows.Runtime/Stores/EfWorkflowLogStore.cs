using System.Text.Json;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>Incidents and journal in their own tables (kept out of the state JSON so it stays small).</summary>
public sealed class EfWorkflowLogStore(IDbContextFactory<WorkflowsDbContext> contexts) : IWorkflowLogStore
{
    /// <inheritdoc />
    public async Task AppendIncidentsAsync(string instanceId, IEnumerable<Incident> incidents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        await using var db = contexts.CreateDbContext();
        db.Incidents.AddRange(incidents.Select(i => IncidentRow(instanceId, i)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task AppendJournalAsync(string instanceId, IEnumerable<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var db = contexts.CreateDbContext();
        db.Journal.AddRange(entries.Select(e => JournalRow(instanceId, e)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Incident>> ListIncidentsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.Incidents.AsNoTracking().Where(i => i.InstanceId == instanceId).OrderBy(i => i.Timestamp).ToListAsync(cancellationToken);
        return [.. rows.Select(i => new Incident(i.ActivityId, i.ActivityNodeId ?? "", i.ActivityInstanceId ?? "", i.ActivityType ?? "", i.Message,
            i.ExceptionJson is null ? null : JsonSerializer.Deserialize<ExceptionInfo>(i.ExceptionJson, SerializerOptions.Default), i.Timestamp))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> ListJournalAsync(string instanceId, long afterSequence = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId && j.Sequence > afterSequence)
            .OrderBy(j => j.Sequence).Take(take).ToListAsync(cancellationToken);
        return [.. rows.Select(j => new JournalEntry(j.Sequence, j.Timestamp, j.ActivityInstanceId, j.ParentActivityInstanceId, j.ActivityId,
            j.ActivityType, j.ActivityName, j.ActivityNodeId ?? "", j.EventName, j.Message,
            j.PayloadJson is null ? null : JsonSerializer.Deserialize<JsonElement>(j.PayloadJson)))];
    }

    /// <summary>An incident as a row (shared with the runtime's burst save).</summary>
    internal static IncidentRecord IncidentRow(string instanceId, Incident i) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        InstanceId = instanceId,
        ActivityId = i.ActivityId,
        ActivityNodeId = i.ActivityNodeId,
        ActivityInstanceId = i.ActivityInstanceId,
        ActivityType = i.ActivityType,
        Message = i.Message,
        ExceptionJson = i.Exception is null ? null : JsonSerializer.Serialize(i.Exception, SerializerOptions.Default),
        Timestamp = i.Timestamp.ToUniversalTime(),
    };

    /// <summary>A journal entry as a row (shared with the runtime's burst save).</summary>
    internal static JournalRecord JournalRow(string instanceId, JournalEntry e) => new()
    {
        InstanceId = instanceId,
        Sequence = e.Sequence,
        ActivityInstanceId = e.ActivityInstanceId,
        ParentActivityInstanceId = e.ParentActivityInstanceId,
        ActivityId = e.ActivityId,
        ActivityType = e.ActivityType,
        ActivityName = e.ActivityName,
        ActivityNodeId = e.ActivityNodeId,
        EventName = e.EventName,
        Message = e.Message,
        PayloadJson = e.Payload is null ? null : JsonSerializer.Serialize(e.Payload, SerializerOptions.Default),
        Timestamp = e.Timestamp.ToUniversalTime(),
    };
}

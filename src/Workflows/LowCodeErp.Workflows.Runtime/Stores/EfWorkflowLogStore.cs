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
        var list = entries.ToList();
        if (list.Count == 0)
        {
            return;
        }

        await using var db = contexts.CreateDbContext();
        db.Journal.Add(JournalSegment(instanceId, list));
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
        var entries = new List<JournalEntry>(Math.Min(take, 256));
        // Streamed in key order: the page usually ends inside the first few segments, so the rest is never read.
        var segments = db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId && j.LastSequence > afterSequence)
            .OrderBy(j => j.LastSequence).Select(j => j.EntriesJson).AsAsyncEnumerable();
        await foreach (var json in segments.WithCancellation(cancellationToken))
        {
            foreach (var entry in JournalJson.Read(json))
            {
                if (entry.Sequence > afterSequence && entries.Count < take)
                {
                    entries.Add(entry);
                }
            }

            if (entries.Count >= take)
            {
                break;
            }
        }

        return entries;
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

    /// <summary>Entries of one burst as one segment row (shared with the runtime's burst save); entries are in sequence order.</summary>
    internal static JournalSegmentRecord JournalSegment(string instanceId, IReadOnlyList<JournalEntry> entries) => new()
    {
        InstanceId = instanceId,
        FirstSequence = entries[0].Sequence,
        LastSequence = entries[^1].Sequence,
        EntriesJson = JournalJson.Write(entries),
    };

    /// <summary>Entries of one burst as the journal segment of a group-commit unit; entries are in sequence order.</summary>
    internal static JournalSegmentWrite JournalSegmentWrite(string instanceId, IReadOnlyList<JournalEntry> entries) =>
        new(instanceId, entries[0].Sequence, entries[^1].Sequence, JournalJson.WriteUtf8(entries));
}

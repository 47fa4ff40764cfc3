using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace LowCodeErp.Workflows.Runtime.Stores.Writing;

/// <summary>The statements of an instance save, built once from the EF model of the configured provider.</summary>
internal sealed class WriteStatements
{
    private readonly TableColumns _instances;
    private readonly TableColumns _bookmarks;
    private readonly TableColumns _timers;
    private readonly TableColumns _incidents;
    private readonly TableColumns _journal;
    private readonly TableColumn[] _updated;
    private readonly bool _utf8Journal;

    private WriteStatements(WorkflowsDbContext db, bool positional, bool utf8Journal)
    {
        var model = db.Model;
        var sql = db.GetService<ISqlGenerationHelper>();
        _instances = new TableColumns(model, typeof(WorkflowInstanceRecord), sql, positional);
        _bookmarks = new TableColumns(model, typeof(BookmarkRecord), sql, positional);
        _timers = new TableColumns(model, typeof(TimerRecord), sql, positional);
        _incidents = new TableColumns(model, typeof(IncidentRecord), sql, positional);
        _journal = new TableColumns(model, typeof(JournalSegmentRecord), sql, positional);
        // An update rewrites everything but the key and the creation time.
        _updated = [.. _instances.Columns.Where(c => !c.Property.IsPrimaryKey() && c.Property.Name != nameof(WorkflowInstanceRecord.CreatedAt))];
        InsertInstance = _instances.Insert();
        // The stamp the caller loaded is in the WHERE: a save that happened since matches no row.
        UpdateInstance = _instances.Update(_updated,
            [_instances.Column(nameof(WorkflowInstanceRecord.Id)), _instances.Column(nameof(WorkflowInstanceRecord.ConcurrencyStamp))]);
        DeleteBookmarks = _bookmarks.DeleteWhere(_bookmarks.Column(nameof(BookmarkRecord.InstanceId)));
        InsertBookmark = _bookmarks.Insert();
        DeleteTimer = _timers.DeleteWhere(_timers.Column(nameof(TimerRecord.Id)));
        InsertTimer = _timers.Insert();
        InsertIncident = _incidents.Insert();
        _utf8Journal = utf8Journal;
        InsertJournal = utf8Journal
            ? _journal.Insert(_journal.Column(nameof(JournalSegmentRecord.EntriesJson)), db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(byte[])))
            : _journal.Insert();
    }

    public Statement InsertInstance { get; }
    public Statement UpdateInstance { get; }
    public Statement DeleteBookmarks { get; }
    public Statement InsertBookmark { get; }
    public Statement DeleteTimer { get; }
    public Statement InsertTimer { get; }
    public Statement InsertIncident { get; }
    public Statement InsertJournal { get; }

    /// <summary>
    /// PostgreSQL gets positional placeholders (its batches then need no SQL rewriting). With <paramref name="utf8Journal"/>
    /// (SQLite) the journal's entries are bound as their UTF-8 bytes (<see cref="JournalSegmentWrite.EntriesUtf8"/>),
    /// otherwise as text (<see cref="JournalSegmentWrite.Text"/>).
    /// </summary>
    public static WriteStatements Create(WorkflowsDbContext db, bool positional, bool utf8Journal) => new(db, positional, utf8Journal);

    public object?[] InstanceValues(WorkflowInstanceRecord row) => _instances.Values(row);

    public object?[] UpdateValues(WorkflowInstanceRecord row, Guid expectedStamp)
    {
        var values = new object?[_updated.Length + 2];
        for (var i = 0; i < _updated.Length; i++)
        {
            values[i] = _updated[i].Getter.GetClrValueUsingContainingEntity(row);
        }

        values[^2] = row.Id;
        values[^1] = expectedStamp;
        return values;
    }

    public object?[] BookmarkValues(BookmarkRecord row) => _bookmarks.Values(row);
    public object?[] TimerValues(TimerRecord row) => _timers.Values(row);
    public object?[] IncidentValues(IncidentRecord row) => _incidents.Values(row);
    public object?[] JournalValues(JournalSegmentWrite segment)
    {
        var values = new object?[_journal.Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _journal.Columns[i].Property.Name switch
            {
                nameof(JournalSegmentRecord.InstanceId) => segment.InstanceId,
                nameof(JournalSegmentRecord.FirstSequence) => segment.FirstSequence,
                nameof(JournalSegmentRecord.LastSequence) => segment.LastSequence,
                nameof(JournalSegmentRecord.EntriesJson) => _utf8Journal ? segment.EntriesUtf8 : segment.Text
                    ?? throw new InvalidOperationException("The journal segment's text was not made when its unit was queued."),
                var other => throw new InvalidOperationException($"Journal column {other} has no value."),
            };
        }

        return values;
    }
}

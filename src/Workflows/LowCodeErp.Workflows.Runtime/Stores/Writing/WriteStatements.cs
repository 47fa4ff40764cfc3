using System.Text;
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
    private readonly bool _utf8Text;
    private readonly int _stateColumn;

    private WriteStatements(WorkflowsDbContext db, bool positional, bool utf8Text)
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
        var bytes = db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(byte[]));
        var state = _instances.Column(nameof(WorkflowInstanceRecord.StateJson));
        _stateColumn = _instances.Columns.ToList().IndexOf(state);
        InsertInstance = utf8Text ? _instances.Insert(state, bytes) : _instances.Insert();
        // The stamp the caller loaded is in the WHERE: a save that happened since matches no row.
        UpdateInstance = _instances.Update(_updated,
            [_instances.Column(nameof(WorkflowInstanceRecord.Id)), _instances.Column(nameof(WorkflowInstanceRecord.ConcurrencyStamp))]);
        DeleteBookmarks = _bookmarks.DeleteWhere(_bookmarks.Column(nameof(BookmarkRecord.InstanceId)));
        InsertBookmark = _bookmarks.Insert();
        DeleteTimer = _timers.DeleteWhere(_timers.Column(nameof(TimerRecord.Id)));
        InsertTimer = _timers.Insert();
        InsertIncident = _incidents.Insert();
        _utf8Text = utf8Text;
        InsertJournal = utf8Text ? _journal.Insert(_journal.Column(nameof(JournalSegmentRecord.EntriesJson)), bytes) : _journal.Insert();
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
    /// PostgreSQL gets positional placeholders (its batches then need no SQL rewriting). With <paramref name="utf8Text"/>
    /// (SQLite) the journal's entries (<see cref="JournalSegmentWrite.EntriesUtf8"/>) and a new row's state JSON are bound
    /// as UTF-8 bytes and cast to text in the SQL, otherwise as text (<see cref="JournalSegmentWrite.Text"/>).
    /// </summary>
    public static WriteStatements Create(WorkflowsDbContext db, bool positional, bool utf8Text) => new(db, positional, utf8Text);

    /// <summary>The values of <see cref="InsertInstance"/> for the writer to convert (<see cref="ConvertedInsertValues"/> did not run).</summary>
    public object?[] InstanceValues(WorkflowInstanceRecord row)
    {
        var values = _instances.Values(row);
        if (_utf8Text)
        {
            values[_stateColumn] = Encoding.UTF8.GetBytes(row.StateJson);
        }

        return values;
    }

    /// <summary>The values of <see cref="InsertInstance"/> already converted to what the provider stores.</summary>
    public object?[] ConvertedInsertValues(WorkflowInstanceRecord row) => InsertInstance.ToProvider(InstanceValues(row));

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
                nameof(JournalSegmentRecord.EntriesJson) => _utf8Text ? segment.EntriesUtf8 : segment.Text
                    ?? throw new InvalidOperationException("The journal segment's text was not made when its unit was queued."),
                var other => throw new InvalidOperationException($"Journal column {other} has no value."),
            };
        }

        return values;
    }
}

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

    private WriteStatements(WorkflowsDbContext db, bool positional)
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
        InsertJournal = _journal.Insert();
    }

    public Statement InsertInstance { get; }
    public Statement UpdateInstance { get; }
    public Statement DeleteBookmarks { get; }
    public Statement InsertBookmark { get; }
    public Statement DeleteTimer { get; }
    public Statement InsertTimer { get; }
    public Statement InsertIncident { get; }
    public Statement InsertJournal { get; }

    /// <summary>PostgreSQL gets positional placeholders (its batches then need no SQL rewriting).</summary>
    public static WriteStatements Create(WorkflowsDbContext db, bool positional) => new(db, positional);

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
    public object?[] JournalValues(JournalSegmentRecord row) => _journal.Values(row);
}

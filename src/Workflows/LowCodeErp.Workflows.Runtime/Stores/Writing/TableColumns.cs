using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LowCodeErp.Workflows.Runtime.Stores.Writing;

/// <summary>A mapped column of a table: its quoted name and how to read and bind the property behind it.</summary>
internal sealed record TableColumn(string Name, string QuotedName, IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)
{
    public bool Nullable => Property.IsNullable;
}

/// <summary>The columns of one entity's table as EF maps them, and builders for the statements the writer needs.</summary>
internal sealed class TableColumns
{
    private readonly ISqlGenerationHelper _sql;
    private readonly bool _positional;

    public TableColumns(IModel model, Type entity, ISqlGenerationHelper sql, bool positional)
    {
        var type = model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        _sql = sql;
        _positional = positional;
        QuotedTable = sql.DelimitIdentifier(table.Name, table.Schema);
        Columns = [.. type.GetProperties().Select(p =>
        {
            var name = p.GetColumnName(table) ?? throw new InvalidOperationException($"{entity.Name}.{p.Name} has no column.");
            return new TableColumn(name, sql.DelimitIdentifier(name), p, p.GetGetter(), p.GetRelationalTypeMapping());
        })];
    }

    public string QuotedTable { get; }

    public IReadOnlyList<TableColumn> Columns { get; }

    public TableColumn Column(string propertyName) => Columns.Single(c => c.Property.Name == propertyName);

    /// <summary>
    /// INSERT of every column; values in <see cref="Columns"/> order. The value of <paramref name="utf8Text"/> is bound as
    /// bytes with <paramref name="bytes"/> and cast to TEXT in the statement (SQLite: the bytes are stored as they are).
    /// </summary>
    public Statement Insert(TableColumn? utf8Text = null, RelationalTypeMapping? bytes = null)
    {
        var parameters = Columns.Select((c, i) => c == utf8Text ? new StatementParameter(Parameter(c, i).Name, bytes!, c.Nullable) : Parameter(c, i)).ToList();
        var values = Columns.Select((c, i) => c == utf8Text ? $"CAST({Placeholder(i)} AS TEXT)" : Placeholder(i));
        var sql = $"INSERT INTO {QuotedTable} ({string.Join(", ", Columns.Select(c => c.QuotedName))}) VALUES ({string.Join(", ", values)})";
        return new Statement(sql, parameters);
    }

    /// <summary>UPDATE of <paramref name="set"/> WHERE every column of <paramref name="where"/> equals its value; values: set, then where.</summary>
    public Statement Update(IReadOnlyList<TableColumn> set, IReadOnlyList<TableColumn> where)
    {
        var sql = new StringBuilder($"UPDATE {QuotedTable} SET ");
        sql.AppendJoin(", ", set.Select((c, i) => $"{c.QuotedName} = {Placeholder(i)}"));
        sql.Append(" WHERE ").AppendJoin(" AND ", where.Select((c, i) => $"{c.QuotedName} = {Placeholder(set.Count + i)}"));
        return new Statement(sql.ToString(), [.. set.Concat(where).Select(Parameter)]);
    }

    /// <summary>DELETE WHERE <paramref name="column"/> equals the single value.</summary>
    public Statement DeleteWhere(TableColumn column) =>
        new($"DELETE FROM {QuotedTable} WHERE {column.QuotedName} = {Placeholder(0)}", [Parameter(column, 0)]);

    /// <summary>The values of <paramref name="entity"/> in <see cref="Columns"/> order.</summary>
    public object?[] Values(object entity)
    {
        var values = new object?[Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Columns[i].Getter.GetClrValueUsingContainingEntity(entity);
        }

        return values;
    }

    // PostgreSQL batches take positional $n placeholders (no SQL rewriting); the others name theirs.
    private string Placeholder(int index) => _positional ? $"${index + 1}" : _sql.GenerateParameterNamePlaceholder($"p{index}");

    private StatementParameter Parameter(TableColumn column, int index) =>
        new(_positional ? "" : _sql.GenerateParameterName($"p{index}"), column.Mapping, column.Nullable);
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace LowCodeErp.Workflows.Runtime.Stores.Writing;

/// <summary>
/// One SQL statement of the write path with the EF type mapping of each parameter. Binding through EF's mappings (value
/// converters, provider types such as PostgreSQL's timestamptz or SQLite's Guid-as-text) stores exactly what EF would,
/// so rows written here and rows written by EF are interchangeable.
/// </summary>
internal sealed class Statement(string sql, IReadOnlyList<StatementParameter> parameters)
{
    public string Sql { get; } = sql;

    public IReadOnlyList<StatementParameter> Parameters { get; } = parameters;

    /// <summary>Creates the statement's parameters with <paramref name="values"/> (in parameter order) on <paramref name="factory"/>.</summary>
    public void Bind(DbCommand factory, DbParameterCollection target, ReadOnlySpan<object?> values)
    {
        target.Clear();
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            target.Add(parameter.Mapping.CreateParameter(factory, parameter.Name, values[i], parameter.Nullable));
        }
    }
}

/// <summary>A parameter: its name in the SQL (empty for positional ones), its EF mapping and nullability.</summary>
internal sealed record StatementParameter(string Name, RelationalTypeMapping Mapping, bool Nullable);

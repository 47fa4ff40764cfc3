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

    /// <summary>
    /// Sets <paramref name="values"/> on the parameters <see cref="Bind"/> created on <paramref name="command"/> earlier,
    /// converted as EF's mapping converts them (SQLite's writer: every save reuses its commands, and new parameter objects
    /// per row cost the single writer thread more than stepping the statement). Only for providers whose parameter
    /// settings depend on the mapping alone (SQL Server's string sizes depend on the value).
    /// </summary>
    public void Rebind(DbCommand command, object?[] values, bool converted = false)
    {
        var target = command.Parameters;
        if (target.Count != Parameters.Count)
        {
            // First use: the parameters get their settings from the mappings; the values are set below like every time.
            Bind(command, target, new object?[Parameters.Count]);
        }

        for (var i = 0; i < Parameters.Count; i++)
        {
            var value = values[i];
            target[i].Value = (!converted && Parameters[i].Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        }
    }

    /// <summary>Converts <paramref name="values"/> in place to what the provider stores (as <see cref="Rebind"/> would) and returns them.</summary>
    public object?[] ToProvider(object?[] values)
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i].Mapping.Converter is { } converter)
            {
                values[i] = converter.ConvertToProvider(values[i]);
            }
        }

        return values;
    }
}

/// <summary>A parameter: its name in the SQL (empty for positional ones), its EF mapping and nullability.</summary>
internal sealed record StatementParameter(string Name, RelationalTypeMapping Mapping, bool Nullable);

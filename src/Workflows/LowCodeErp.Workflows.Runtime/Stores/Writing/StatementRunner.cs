using System.Data.Common;

namespace LowCodeErp.Workflows.Runtime.Stores.Writing;

/// <summary>An instance update matched no row: the instance was saved by someone else since the caller loaded it.</summary>
internal sealed class StaleWriteException(InstanceWrite write)
    : Exception($"Workflow instance '{write.Row.Id}' was changed since it was loaded.")
{
    public InstanceWrite Write { get; } = write;
}

/// <summary>Runs the statements of one transaction: one by one on reused commands, or collected into one round trip.</summary>
internal abstract class StatementRunner
{
    /// <summary>
    /// Runs (or queues) a statement; with <paramref name="mustMatchOneRowOf"/> it must affect exactly one row.
    /// <paramref name="converted"/>: the values are already what the provider stores (<see cref="Statement.ToProvider"/>).
    /// </summary>
    public abstract ValueTask RunAsync(Statement statement, object?[] values, InstanceWrite? mustMatchOneRowOf = null, bool converted = false);

    /// <summary>Sends what is queued (a no-op when statements run at once).</summary>
    public abstract ValueTask FlushAsync();
}

/// <summary>
/// One command per statement text, created once per connection and reused for every row: SQLite keeps the compiled
/// statement for as long as the command's text does not change, so a save costs binding and stepping only.
/// </summary>
internal sealed class CommandRunner(DbConnection connection, DbTransaction transaction, Dictionary<Statement, DbCommand> commands, bool reuseParameters)
    : StatementRunner
{
    public override async ValueTask RunAsync(Statement statement, object?[] values, InstanceWrite? mustMatchOneRowOf = null, bool converted = false)
    {
        if (!commands.TryGetValue(statement, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = statement.Sql;
            commands.Add(statement, command);
        }

        command.Transaction = transaction;
        if (reuseParameters)
        {
            statement.Rebind(command, values, converted);
        }
        else
        {
            statement.Bind(command, command.Parameters, converted ? throw new InvalidOperationException("Converted values need reused parameters.") : values);
        }

        // Microsoft.Data.Sqlite runs every command synchronously anyway; its async method only adds a task per statement.
        var affected = reuseParameters ? command.ExecuteNonQuery() : await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        if (mustMatchOneRowOf is not null && affected != 1)
        {
            throw new StaleWriteException(mustMatchOneRowOf);
        }
    }

    public override ValueTask FlushAsync() => ValueTask.CompletedTask;
}

/// <summary>All statements of a transaction in one <see cref="DbBatch"/>: one network round trip however many rows.</summary>
internal sealed class BatchRunner(DbConnection connection, DbTransaction transaction) : StatementRunner, IAsyncDisposable
{
    private readonly List<(DbBatchCommand Command, InstanceWrite Write)> _checks = [];
    // EF's type mappings create parameters from a command; they are then moved into the batch.
    private readonly DbCommand _parameterFactory = connection.CreateCommand();
    private DbBatch? _batch;

    public override ValueTask RunAsync(Statement statement, object?[] values, InstanceWrite? mustMatchOneRowOf = null, bool converted = false)
    {
        if (converted)
        {
            throw new InvalidOperationException("A batch binds through the mappings, which convert: it takes unconverted values.");
        }

        _batch ??= connection.CreateBatch();
        _batch.Transaction = transaction;
        var command = _batch.CreateBatchCommand();
        command.CommandText = statement.Sql;
        statement.Bind(_parameterFactory, command.Parameters, values);
        _batch.BatchCommands.Add(command);
        if (mustMatchOneRowOf is not null)
        {
            _checks.Add((command, mustMatchOneRowOf));
        }

        return ValueTask.CompletedTask;
    }

    public override async ValueTask FlushAsync()
    {
        if (_batch is not { } batch)
        {
            return;
        }

        _batch = null;
        await using (batch.ConfigureAwait(false))
        {
            await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
            foreach (var (command, write) in _checks)
            {
                if (command.RecordsAffected != 1)
                {
                    throw new StaleWriteException(write);
                }
            }

            _checks.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _parameterFactory.DisposeAsync().ConfigureAwait(false);
        if (_batch is not null)
        {
            await _batch.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LowCodeErp.Workflows.Runtime.Persistence;

/// <summary>
/// Sets <c>PRAGMA synchronous=NORMAL</c> on every opened SQLite connection (the setting is per connection). The
/// database runs in WAL mode (EF creates it so), where NORMAL stays consistent after a crash and only skips the fsync
/// on each commit; FULL, the default, fsyncs every commit.
/// </summary>
internal sealed class SqliteSynchronousInterceptor : DbConnectionInterceptor
{
    internal const string Pragma = "PRAGMA synchronous=NORMAL;";

    public static SqliteSynchronousInterceptor Instance { get; } = new();

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

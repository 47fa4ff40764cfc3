using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Runtime.Stores.Writing;
using LowCodeErp.Workflows.Runtime.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>
/// On SQLite the write-ahead log is copied into the database file by a background checkpointer, not by the writer's
/// commit: committed saves reach the main file long before the writer's own (backstop) checkpoint limit.
/// </summary>
public sealed class SqliteCheckpointTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_committed_save_should_reach_the_database_file_through_the_background_checkpoint()
    {
        var options = database.NewDatabase();
        await using var host = await RuntimeHost.StartAsync(options);
        var definitionId = Flows.NewId("checkpoint");
        await host.Definitions.SaveDraftAsync(Flows.Read(host, Flows.EventFlowJson(definitionId)), Ct);
        var definition = (await host.Definitions.PublishAsync(definitionId, Ct)).Definition!;
        var workflows = new List<WorkflowExecutionContext>();
        for (var i = 0; i < SqliteCheckpointer.SavesPerCheckpoint + 10; i++)
        {
            workflows.Add(await host.Runner.RunAsync(definition, new RunOptions { StandardOutput = TextWriter.Null }, Ct));
        }

        // Enough saves to ask for a checkpoint, yet far fewer pages than the writer's own automatic checkpoint limit:
        // only the background checkpoint copies them into the file.
        await Task.WhenAll(workflows.Select(w => host.Instances.SaveAsync(WorkflowStateMapper.ToState(w), null, Ct)));
        var workflow = workflows[^1];

        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        var found = false;
        for (var attempt = 0; attempt < 600 && !found; attempt++)
        {
            found = await MainFileHasInstanceAsync(file, workflow.InstanceId);
            if (!found)
            {
                await Task.Delay(100, Ct);
            }
        }

        found.Should().BeTrue("the background checkpoint copies committed frames into the database file");
    }

    /// <summary>Reads a copy of the database file alone (no -wal beside it): only checkpointed content is in there.</summary>
    private static async Task<bool> MainFileHasInstanceAsync(string file, string instanceId)
    {
        var copy = Path.Combine(Path.GetDirectoryName(file)!, "copy-" + Guid.NewGuid().ToString("N") + ".db");
        File.Copy(file, copy);
        try
        {
            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync(Ct);
            await using var command = new SqliteCommand("SELECT count(*) FROM WorkflowInstances WHERE Id = $id", connection);
            command.Parameters.AddWithValue("$id", instanceId);
            return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            return false; // schema not checkpointed yet, or a copy taken in the middle of a checkpoint
        }
        finally
        {
            foreach (var path in new[] { copy, copy + "-wal", copy + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}

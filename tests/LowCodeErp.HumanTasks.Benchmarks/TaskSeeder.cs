using LowCodeErp.HumanTasks.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace LowCodeErp.HumanTasks.Benchmarks;

/// <summary>
/// Bulk-loads tasks straight into the projection (COPY): starting 100,000 instances through the engine would measure
/// the engine, not the inbox. The shape matches what the activities write: roles, some assigned, links, candidate rows
/// of the unassigned ones, a variable; plus completed tasks, the history the "completed" view reads.
/// </summary>
internal static class TaskSeeder
{
    public static readonly string[] Roles = ["underwriter", "committee", "sales", "accountant", "backoffice"];

    private sealed record Seed(string Id, int Index, string Role, string Status, string? Assignee, string? CompletedBy, int Priority, DateTimeOffset? Due, DateTimeOffset Created)
    {
        public string Definition => Index % 3 == 0 ? "lease-approval" : "contract-change";
        public string Customer => $"Customer {Index % 5000}";
    }

    public static async Task SeedAsync(string connectionString, int open, int completed)
    {
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        var tasks = new List<Seed>(open + completed);
        for (var i = 0; i < open + completed; i++)
        {
            var role = Roles[random.Next(Roles.Length)];
            // One open task in ten is assigned, to one of 200 users of its role; completed ones were done by such a user.
            var user = $"{role}{random.Next(200)}";
            var status = i >= open ? TaskStatuses.Completed : random.Next(10) == 0 ? TaskStatuses.Assigned : TaskStatuses.Unassigned;
            tasks.Add(new Seed($"seed{i:D8}", i, role, status, status == TaskStatuses.Unassigned ? null : user, status == TaskStatuses.Completed ? user : null,
                random.Next(101), random.Next(4) == 0 ? null : now.AddHours(random.Next(-48, 24 * 14)), now.AddMinutes(-i)));
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await CopyTasksAsync(connection, tasks, now);
        await using (var writer = await connection.BeginBinaryImportAsync("""COPY "HumanTaskLinks" ("TaskId","Kind","Name") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var task in tasks)
            {
                await writer.WriteRowAsync(default, task.Id, TaskLinkKinds.CandidateRole, task.Role);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "HumanTaskCandidates" ("TaskId","Kind","Name","DefinitionId","Priority","CreatedAt","DueAt","DueOrder") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var task in tasks.Where(t => t.Status == TaskStatuses.Unassigned))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(task.Id);
                await writer.WriteAsync(TaskLinkKinds.CandidateRole);
                await writer.WriteAsync(task.Role);
                await writer.WriteAsync(task.Definition);
                await writer.WriteAsync(task.Priority);
                await writer.WriteAsync(task.Created, NpgsqlDbType.TimestampTz);
                await WriteNullableAsync(writer, task.Due);
                await writer.WriteAsync(task.Due ?? TaskCandidateRecord.NoDueDate, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("""COPY "HumanTaskVariables" ("TaskId","Name","Value") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var task in tasks)
            {
                await writer.WriteRowAsync(default, task.Id, "Lessee", task.Customer);
            }

            await writer.CompleteAsync();
        }

        await VacuumAsync(connection);
    }

    /// <summary>
    /// A live database is vacuumed by autovacuum; right after COPY it is not, and index-only scans would still visit
    /// every heap page. A VACUUM right after the load sometimes leaves pages not all-visible (seen here under heavy
    /// load), so it repeats until the visibility map covers the tables. VACUUM cannot run in a transaction.
    /// </summary>
    private static async Task VacuumAsync(NpgsqlConnection connection)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            foreach (var table in new[] { "HumanTasks", "HumanTaskLinks", "HumanTaskCandidates", "HumanTaskVariables" })
            {
                await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE \"{table}\"", connection);
                await vacuum.ExecuteNonQueryAsync();
            }

            await using var check = new NpgsqlCommand(
                """SELECT count(*) FROM pg_class WHERE relname LIKE 'HumanTask%' AND relkind = 'r' AND relallvisible < relpages""", connection);
            if ((long)(await check.ExecuteScalarAsync())! == 0)
            {
                return;
            }

            await Task.Delay(1000);
        }

        Console.Error.WriteLine("Warning: some task tables are not all-visible after VACUUM; index-only scans will read the heap.");
    }

    private static async Task CopyTasksAsync(NpgsqlConnection connection, List<Seed> tasks, DateTimeOffset now)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY "HumanTasks" ("Id","InstanceId","DefinitionId","DefinitionVersion","ActivityId","BookmarkId","BusinessKey","Title","Description","Status","Priority","Assignee","CandidateUsersJson","CandidateRolesJson","ExcludedUsersJson","OutcomesJson","CommentRequiredJson","FormJson","VariablesJson","CreatedAt","DueAt","ClaimedAt","CompletedBy","Outcome","EndedAt","Version") FROM STDIN (FORMAT BINARY)""");
        foreach (var task in tasks)
        {
            var key = $"LA-{task.Index}";
            await writer.StartRowAsync();
            await writer.WriteAsync(task.Id);
            await writer.WriteAsync("inst" + task.Id);
            await writer.WriteAsync(task.Definition);
            await writer.WriteAsync(1);
            await writer.WriteAsync("review");
            await writer.WriteAsync("bm" + task.Id);
            await writer.WriteAsync(key);
            await writer.WriteAsync($"Review lease application {key} for customer {task.Index % 5000}");
            await writer.WriteAsync("Check the documents and the scoring.");
            await writer.WriteAsync(task.Status);
            await writer.WriteAsync(task.Priority);
            await writer.WriteAsync(task.Assignee, NpgsqlDbType.Text);
            await writer.WriteAsync("[]");
            await writer.WriteAsync($"[\"{task.Role}\"]");
            await writer.WriteAsync("[]");
            await writer.WriteAsync("[\"Approve\",\"Reject\"]");
            await writer.WriteAsync("[\"Reject\"]");
            await writer.WriteAsync("""{"fields":[{"name":"riskScore","type":"number","required":true}]}""");
            await writer.WriteAsync($"{{\"Lessee\":\"{task.Customer}\"}}");
            await writer.WriteAsync(task.Created, NpgsqlDbType.TimestampTz);
            await WriteNullableAsync(writer, task.Due);
            await WriteNullableAsync(writer, task.Assignee is null ? null : now);
            await writer.WriteAsync(task.CompletedBy, NpgsqlDbType.Text);
            await writer.WriteAsync(task.CompletedBy is null ? null : "Approve", NpgsqlDbType.Text);
            await WriteNullableAsync(writer, task.CompletedBy is null ? null : now);
            await writer.WriteAsync(Guid.NewGuid());
        }

        await writer.CompleteAsync();
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.TimestampTz);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }
}

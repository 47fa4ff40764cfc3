using LowCodeErp.HumanTasks.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace LowCodeErp.HumanTasks.Benchmarks;

/// <summary>
/// Bulk-loads open tasks straight into the projection (COPY): starting 100,000 instances through the engine would
/// measure the engine, not the inbox. The shape matches what the activities write: roles, some assigned, links, a variable.
/// </summary>
internal static class TaskSeeder
{
    public static readonly string[] Roles = ["underwriter", "committee", "sales", "accountant", "backoffice"];

    public static async Task SeedAsync(string connectionString, int count)
    {
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tasks = new List<(string Id, string Role, string? Assignee, int Priority, DateTimeOffset? Due, string Key)>(count);
        for (var i = 0; i < count; i++)
        {
            var role = Roles[random.Next(Roles.Length)];
            // One task in ten is assigned, to one of 200 users of its role.
            var assignee = random.Next(10) == 0 ? $"{role}{random.Next(200)}" : null;
            tasks.Add(($"seed{i:D8}", role, assignee, random.Next(101), random.Next(4) == 0 ? null : now.AddHours(random.Next(-48, 24 * 14)), $"LA-{i}"));
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "HumanTasks" ("Id","InstanceId","DefinitionId","DefinitionVersion","ActivityId","BookmarkId","BusinessKey","Title","Description","Status","Priority","Assignee","CandidateUsersJson","CandidateRolesJson","ExcludedUsersJson","OutcomesJson","CommentRequiredJson","FormJson","VariablesJson","CreatedAt","DueAt","ClaimedAt","Version") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (task, index) in tasks.Select((t, i) => (t, i)))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(task.Id);
                await writer.WriteAsync("inst" + task.Id);
                await writer.WriteAsync(index % 3 == 0 ? "lease-approval" : "contract-change");
                await writer.WriteAsync(1);
                await writer.WriteAsync("review");
                await writer.WriteAsync("bm" + task.Id);
                await writer.WriteAsync(task.Key);
                await writer.WriteAsync($"Review lease application {task.Key} for customer {index % 5000}");
                await writer.WriteAsync("Check the documents and the scoring.");
                await writer.WriteAsync(task.Assignee is null ? TaskStatuses.Unassigned : TaskStatuses.Assigned);
                await writer.WriteAsync(task.Priority);
                await writer.WriteAsync(task.Assignee, NpgsqlDbType.Text);
                await writer.WriteAsync("[]");
                await writer.WriteAsync($"[\"{task.Role}\"]");
                await writer.WriteAsync("[]");
                await writer.WriteAsync("[\"Approve\",\"Reject\"]");
                await writer.WriteAsync("[\"Reject\"]");
                await writer.WriteAsync("""{"fields":[{"name":"riskScore","type":"number","required":true}]}""");
                await writer.WriteAsync($"{{\"Lessee\":\"Customer {index % 5000}\"}}");
                await writer.WriteAsync(now.AddMinutes(-index), NpgsqlDbType.TimestampTz);
                if (task.Due is { } due)
                {
                    await writer.WriteAsync(due, NpgsqlDbType.TimestampTz);
                }
                else
                {
                    await writer.WriteNullAsync();
                }

                if (task.Assignee is null)
                {
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                }

                await writer.WriteAsync(Guid.NewGuid());
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("""COPY "HumanTaskLinks" ("TaskId","Kind","Name") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var task in tasks)
            {
                await writer.WriteRowAsync(default, task.Id, TaskLinkKinds.CandidateRole, task.Role);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("""COPY "HumanTaskVariables" ("TaskId","Name","Value") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (task, index) in tasks.Select((t, i) => (t, i)))
            {
                await writer.WriteRowAsync(default, task.Id, "Lessee", $"Customer {index % 5000}");
            }

            await writer.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("""ANALYZE "HumanTasks"; ANALYZE "HumanTaskLinks"; ANALYZE "HumanTaskVariables";""", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}

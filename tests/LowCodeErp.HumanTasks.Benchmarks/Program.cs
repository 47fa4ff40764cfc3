using System.Diagnostics;
using System.Globalization;
using LowCodeErp.HumanTasks;
using LowCodeErp.HumanTasks.Api;
using LowCodeErp.HumanTasks.Benchmarks;
using LowCodeErp.HumanTasks.Persistence;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Runtime;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Inbox performance with many open tasks in PostgreSQL: list-query latency per view and the time from a task's
// creation (an instance started through the runtime) to its visibility in the candidate view. Prints a Markdown table.
// Options: --tasks N open tasks (100,000), --completed N completed ones (20,000), --runs R per scenario (200),
// --keep to leave the database for EXPLAIN ANALYZE (its name is printed), --database NAME to measure a kept one again.
var taskCount = Option("--tasks", 100_000);
var completedCount = Option("--completed", 20_000);
var runs = Option("--runs", 200);
var reuse = Array.IndexOf(args, "--database") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
var keep = args.Contains("--keep") || reuse is not null;
var server = Environment.GetEnvironmentVariable("ERP_TEST_POSTGRES");
if (string.IsNullOrWhiteSpace(server))
{
    Console.Error.WriteLine("Set ERP_TEST_POSTGRES (scripts/services-up.sh writes it to .services/env).");
    return 2;
}

var name = reuse ?? "erp_tasks_bench_" + Guid.NewGuid().ToString("N")[..12];
if (reuse is null)
{
    await Execute(server, $"CREATE DATABASE \"{name}\"");
}

try
{
    var database = new WorkflowsDatabaseOptions
    {
        Provider = WorkflowsDatabaseProvider.PostgreSql,
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
    };
    await using var services = new ServiceCollection().AddWorkflowEngine().AddWorkflowRuntime(database).AddHumanTasks().BuildServiceProvider();
    await services.GetRequiredService<WorkflowsDbContextFactory>().MigrateAsync();
    await services.GetRequiredService<HumanTasksDbContextFactory>().MigrateAsync();

    if (reuse is null)
    {
        var seeding = Stopwatch.StartNew();
        await TaskSeeder.SeedAsync(database.ConnectionString, taskCount, completedCount);
        Console.Error.WriteLine($"Seeded {taskCount:N0} open and {completedCount:N0} completed tasks into {name} in {seeding.Elapsed.TotalSeconds:F1} s.");
    }

    var queries = services.GetRequiredService<TaskQueries>();
    var underwriter = new TaskUser("underwriter7", ["underwriter"]);
    var loadBefore = LoadAverage();
    var rows = new List<Row>
    {
        await Measure("mine: my open tasks, sort by due date", 50, () => queries.ListAsync(underwriter, new TaskListQuery { View = "mine", Sort = "dueAt" }, default)),
        await Measure("candidate: my roles' unassigned, default sort (-priority), page 25", 50, () => queries.ListAsync(underwriter, new TaskListQuery { View = "candidate" }, default)),
        await Measure("candidate + filters: definition + overdue, sort by due date", 50, () => queries.ListAsync(underwriter,
            new TaskListQuery { View = "candidate", Definition = "lease-approval", Overdue = true, Sort = "dueAt" }, default)),
        await Measure("candidate + filter: min priority 80", 50, () => queries.ListAsync(underwriter, new TaskListQuery { View = "candidate", Priority = 80 }, default)),
        await Measure("text search: candidate, q = \"customer 4242\"", 50, () => queries.ListAsync(underwriter, new TaskListQuery { View = "candidate", Q = "customer 4242" }, default)),
        await Measure("variable filter: candidate, Lessee = Customer 42", 50, () => queries.ListAsync(underwriter,
            new TaskListQuery { View = "candidate", Variable = ["Lessee:Customer 42"] }, default)),
        await Measure("completed view: tasks I completed, sort -createdAt", 50, () => queries.ListAsync(underwriter, new TaskListQuery { View = "completed", Sort = "-createdAt" }, default)),
        await Measure("counts: mine, candidate, overdue, completed (4 queries)", 50, () => queries.CountAsync(underwriter, default)),
        await CreationToVisibleAsync(services, queries, underwriter),
    };

    Console.WriteLine($"Human tasks inbox on PostgreSQL, {taskCount:N0} open + {completedCount:N0} completed tasks, {runs} runs per scenario, "
                      + $"{Environment.ProcessorCount} cores, load average {loadBefore} before / {LoadAverage()} after");
    Console.WriteLine();
    Console.WriteLine("| scenario | n | p50 ms | p95 ms | p99 ms | target p95 | met |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
    foreach (var row in rows)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {row.Scenario} | {row.N} | {row.P50:F1} | {row.P95:F1} | {row.P99:F1} | < {row.Target:F0} ms | {(row.P95 < row.Target ? "yes" : "NO")} |"));
    }

    return 0;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    if (keep)
    {
        Console.Error.WriteLine($"Kept database {name}; drop it with: DROP DATABASE \"{name}\"");
    }
    else
    {
        await Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}

async Task<Row> Measure<T>(string scenario, double target, Func<Task<T>> query)
{
    for (var i = 0; i < 20; i++)
    {
        await query();
    }

    var samples = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await query();
        samples.Add(watch.Elapsed.TotalMilliseconds);
    }

    Console.Error.WriteLine($"{scenario}: done");
    return Row.Of(scenario, samples, target);
}

async Task<Row> CreationToVisibleAsync(IServiceProvider services, TaskQueries queries, TaskUser user)
{
    const string definition = """
        { "id": "bench-task-v1", "definitionId": "bench-task", "name": "bench-task", "version": 1,
          "root": { "id": "fc", "type": "Elsa.Flowchart", "activities": [
            { "id": "start", "type": "Elsa.Start" },
            { "id": "task", "type": "Erp.HumanTask",
              "title": { "typeName": "String", "expression": { "type": "Literal", "value": "Benchmark task" } },
              "candidateRoles": { "typeName": "Object", "expression": { "type": "Literal", "value": "underwriter" } } } ],
            "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "task", "port": "In" } } ] } }
        """;
    var store = services.GetRequiredService<IWorkflowDefinitionStore>();
    await store.SaveDraftAsync(services.GetRequiredService<WorkflowSerializer>().Read(definition).Definition!);
    await store.PublishAsync("bench-task");
    var runtime = services.GetRequiredService<IWorkflowRuntime>();
    var samples = new List<double>();
    var run = Guid.NewGuid().ToString("N")[..8];
    for (var i = 0; i < Math.Min(runs, 100) + 10; i++)
    {
        var key = $"bench-{run}-{i}"; // unique across runs on a kept database
        var watch = Stopwatch.StartNew();
        await runtime.StartAsync(new StartWorkflowRequest("bench-task", VersionOptions.Published, key));
        // Poll as a client would; the row commits with the instance, so the first query normally finds it.
        while ((await queries.ListAsync(user, new TaskListQuery { View = "candidate", BusinessKey = key }, default)).TotalCount == 0)
        {
            await Task.Delay(1);
        }

        if (i >= 10)
        {
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    return Row.Of("creation → visibility: instance start until the task is in the candidate view", samples, 200);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

int Option(string flag, int fallback)
{
    var index = Array.IndexOf(args, flag);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static async Task Execute(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

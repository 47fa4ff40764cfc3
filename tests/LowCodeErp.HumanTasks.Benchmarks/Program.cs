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
var taskCount = Option("--tasks", 100_000);
var runs = Option("--runs", 200);
var server = Environment.GetEnvironmentVariable("ERP_TEST_POSTGRES");
if (string.IsNullOrWhiteSpace(server))
{
    Console.Error.WriteLine("Set ERP_TEST_POSTGRES (scripts/services-up.sh writes it to .services/env).");
    return 2;
}

var name = "erp_tasks_bench_" + Guid.NewGuid().ToString("N")[..12];
await Execute(server, $"CREATE DATABASE \"{name}\"");
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

    var seeding = Stopwatch.StartNew();
    await TaskSeeder.SeedAsync(database.ConnectionString, taskCount);
    Console.Error.WriteLine($"Seeded {taskCount:N0} open tasks in {seeding.Elapsed.TotalSeconds:F1} s.");

    var queries = services.GetRequiredService<TaskQueries>();
    var underwriter = new TaskUser("underwriter7", ["underwriter"]);
    var rows = new List<(string Scenario, double P50, double P95, double Goal)>
    {
        await Measure("Inbox list: candidate view (role), default sort, page 25", 50, () => queries.ListAsync(underwriter, new TaskListQuery { View = "candidate" }, default)),
        await Measure("Inbox list: mine, sort by due date", 50, () => queries.ListAsync(underwriter, new TaskListQuery { View = "mine", Sort = "dueAt" }, default)),
        await Measure("Inbox list: candidate, definition + overdue, sort by due date", 50, () => queries.ListAsync(underwriter,
            new TaskListQuery { View = "candidate", Definition = "lease-approval", Overdue = true, Sort = "dueAt" }, default)),
        await Measure("Inbox list: candidate, min priority 80", 50, () => queries.ListAsync(underwriter, new TaskListQuery { View = "candidate", Priority = 80 }, default)),
        await Measure("Inbox list: candidate, variable Lessee = Customer 42", 50, () => queries.ListAsync(underwriter,
            new TaskListQuery { View = "candidate", Variable = ["Lessee:Customer 42"] }, default)),
        await Measure("Inbox list: candidate, text search", 50, () => queries.ListAsync(underwriter, new TaskListQuery { View = "candidate", Q = "customer 4242" }, default)),
        await Measure("Inbox counts (mine, candidate, overdue, completed)", 50, () => queries.CountAsync(underwriter, default)),
        await CreationToVisibleAsync(services, queries, underwriter),
    };

    Console.WriteLine($"Human tasks inbox on PostgreSQL, {taskCount:N0} open tasks, {runs} runs per scenario, {Environment.ProcessorCount} cores");
    Console.WriteLine();
    Console.WriteLine("| scenario | p50 ms | p95 ms | goal p95 | met |");
    Console.WriteLine("|---|---:|---:|---:|---|");
    foreach (var (scenario, p50, p95, goal) in rows)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {scenario} | {p50:F1} | {p95:F1} | < {goal:F0} ms | {(p95 < goal ? "yes" : "NO")} |"));
    }

    return 0;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
}

async Task<(string, double, double, double)> Measure<T>(string scenario, double goal, Func<Task<T>> query)
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
    return (scenario, Percentile(samples, 0.50), Percentile(samples, 0.95), goal);
}

async Task<(string, double, double, double)> CreationToVisibleAsync(IServiceProvider services, TaskQueries queries, TaskUser user)
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
    for (var i = 0; i < Math.Min(runs, 100) + 10; i++)
    {
        var key = $"bench-{i}";
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

    return ("Task creation (instance start) → visible in candidate view", Percentile(samples, 0.50), Percentile(samples, 0.95), 200);
}

static double Percentile(List<double> samples, double p)
{
    var sorted = samples.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

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

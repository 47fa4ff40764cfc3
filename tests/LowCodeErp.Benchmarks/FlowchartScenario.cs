using System.Globalization;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Benchmarks;

/// <summary>
/// The benchmark flowchart (10 activities): Start → SetVariable(Amount) → FlowDecision(Amount &gt; 100) -True→ WriteLine1 →
/// FlowDecision(Amount &gt; 1000) -False→ WriteLine3 → WriteLine4 → WriteLine5 → End. WriteLine2 hangs off the first
/// decision's False port and must never run; 9 of the 10 activities execute per instance.
/// </summary>
internal static class FlowchartScenario
{
    /// <summary>Literal inputs only.</summary>
    public const string LiteralFile = "flowchart-literal.json";

    /// <summary>Both conditions and the SetVariable value are JavaScript.</summary>
    public const string JavaScriptFile = "flowchart-javascript.json";

    /// <summary>What one instance writes, in order.</summary>
    public static readonly IReadOnlyList<string> ExpectedLines =
        ["Amount is above 100", "Amount needs no approval", "Booking the order", "Order booked"];

    /// <summary>Value of the Amount variable when an instance finished (150 + 100, or the literal 250).</summary>
    public const double ExpectedAmount = 250;

    /// <summary>Every id in the definition files starts with this, so one replace makes all ids unique.</summary>
    private const string IdPrefix = "\"bm-";

    public static string ReadJson(string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Definitions", file));

    /// <summary>The same definition with fresh ids everywhere (definition, activities, variable, connections).</summary>
    public static string WithUniqueIds(string json) =>
        json.Replace(IdPrefix, $"\"bm{Guid.NewGuid():N}-", StringComparison.Ordinal);

    /// <summary>Makes every JavaScript expression's text unique (a trailing comment), so the prepared-script cache misses.</summary>
    public static string WithUniqueScripts(string json)
    {
        var marker = $" /*{Guid.NewGuid():N}*/";
        return json.Replace("getAmount() + 100\"", $"getAmount() + 100{marker}\"", StringComparison.Ordinal)
            .Replace("getAmount() > 100\"", $"getAmount() > 100{marker}\"", StringComparison.Ordinal)
            .Replace("getAmount() > 1000\"", $"getAmount() > 1000{marker}\"", StringComparison.Ordinal);
    }

    /// <summary>The cheap check done after every measured run.</summary>
    public static bool FinishedCleanly(WorkflowExecutionContext workflow) =>
        workflow.SubStatus == WorkflowSubStatus.Finished && workflow.Incidents.Count == 0;

    /// <summary>Why a run is not what it should be, or null when it is. Note that Status=Finished also covers Faulted.</summary>
    public static string? Problem(WorkflowExecutionContext workflow, IReadOnlyList<string>? lines = null)
    {
        if (workflow.Incidents.Count > 0)
        {
            var incident = workflow.Incidents[0];
            return $"run {workflow.SubStatus}: {incident.Message} (activity {incident.ActivityId})";
        }

        if (workflow.SubStatus != WorkflowSubStatus.Finished)
        {
            return $"run ended {workflow.Status}/{workflow.SubStatus}, expected Finished";
        }

        if (lines is not null && !lines.SequenceEqual(ExpectedLines))
        {
            return $"WriteLine output was [{string.Join(" | ", lines)}], expected [{string.Join(" | ", ExpectedLines)}]";
        }

        if (lines is not null)
        {
            var amount = workflow.Variables.TryGetValue("Amount", out var value) ? value : null;
            if (amount is null || Convert.ToDouble(amount, CultureInfo.InvariantCulture) != ExpectedAmount)
            {
                return $"variable Amount is '{amount}', expected {ExpectedAmount}";
            }
        }

        return null;
    }

    /// <summary>Lines a <see cref="StringWriter"/> received.</summary>
    public static IReadOnlyList<string> Lines(StringWriter writer) =>
        writer.ToString().Split('\n').Select(l => l.TrimEnd('\r')).SkipLast(1).ToList();
}

/// <summary>One engine instance as a host would build it.</summary>
internal sealed class BenchEngine : IDisposable
{
    private readonly ServiceProvider _services;

    public BenchEngine(bool enableJournal = true)
    {
        var collection = new ServiceCollection();
        collection.AddWorkflowEngine(o => o.EnableJournal = enableJournal);
        _services = collection.BuildServiceProvider();
        Runner = _services.GetRequiredService<WorkflowRunner>();
        Loader = _services.GetRequiredService<DefinitionLoader>();
    }

    public WorkflowRunner Runner { get; }
    public DefinitionLoader Loader { get; }

    /// <summary>Loads and validates one document; throws <see cref="BenchmarkFailedException"/> listing the errors.</summary>
    public WorkflowDefinition Load(string source, string json)
    {
        var loaded = Loader.Load([(source, json)])[0];
        if (!loaded.IsValid)
        {
            throw new BenchmarkFailedException("definition rejected: " + string.Join("; ", loaded.FormatErrors()));
        }

        return loaded.Definition!;
    }

    /// <summary>Runs once and blocks; counts runs that did not complete synchronously (their allocations may sit on another thread).</summary>
    public WorkflowExecutionContext Run(WorkflowDefinition definition, RunOptions options, ref int asyncCompletions)
    {
        var task = Runner.RunAsync(definition, options);
        if (!task.IsCompleted)
        {
            asyncCompletions++;
        }

        return task.GetAwaiter().GetResult();
    }

    public void Dispose() => _services.Dispose();
}

/// <summary>A measurement could not be taken (invalid definition, failed run, …): reported as a failed row.</summary>
internal sealed class BenchmarkFailedException : Exception
{
    public BenchmarkFailedException(string message) : base(message)
    {
    }

    public BenchmarkFailedException(string message, Exception inner) : base(message, inner)
    {
    }

    public BenchmarkFailedException()
    {
    }
}

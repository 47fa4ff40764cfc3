using System.Diagnostics;
using System.Globalization;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Benchmarks;

/// <summary>Phases of one cold first run, in milliseconds.</summary>
internal sealed record ColdSample(double TotalMs, double HostMs, double LoadMs, double RunMs, double ProcessMs);

/// <summary>Median (and spread) of cold first runs, each in a fresh process.</summary>
internal sealed record ColdResult(IReadOnlyList<ColdSample> Samples)
{
    public ColdSample Median => new(
        Med(s => s.TotalMs), Med(s => s.HostMs), Med(s => s.LoadMs), Med(s => s.RunMs), Med(s => s.ProcessMs));

    public double MinTotalMs => Samples.Min(s => s.TotalMs);
    public double MaxTotalMs => Samples.Max(s => s.TotalMs);

    private double Med(Func<ColdSample, double> pick)
    {
        var sorted = Samples.Select(pick).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>
/// Cold first run: JSON text → engine built → definition loaded and validated → first instance finished, in a process
/// that has never run the engine (nothing JIT-compiled, no caches). The parent spawns this program with
/// <c>--cold &lt;file&gt;</c> once per sample.
/// </summary>
internal static class ColdStart
{
    public const string Argument = "--cold";
    private const string ResultMarker = "COLD-RESULT";

    /// <summary>Child side: one cold run, one result line on stdout. Exit code 0 when the run was correct.</summary>
    public static int RunChild(string definitionFile)
    {
        // Reading the file and making the ids unique is not part of the measurement (the definition arrives as text).
        var json = FlowchartScenario.WithUniqueIds(FlowchartScenario.ReadJson(definitionFile));
        var output = new StringWriter();
        var clock = Stopwatch.StartNew();
        try
        {
            using var engine = new BenchEngine();
            var host = clock.Elapsed;
            var definition = engine.Load("cold.json", json);
            var loaded = clock.Elapsed;
            var asyncCompletions = 0;
            var workflow = engine.Run(definition, new RunOptions { StandardOutput = output }, ref asyncCompletions);
            var finished = clock.Elapsed;
            if (FlowchartScenario.Problem(workflow, FlowchartScenario.Lines(output)) is { } problem)
            {
                Console.WriteLine($"{ResultMarker} fail {problem}");
                return 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ResultMarker} ok {finished.TotalMilliseconds:0.###} {host.TotalMilliseconds:0.###} {(loaded - host).TotalMilliseconds:0.###} {(finished - loaded).TotalMilliseconds:0.###}"));
            return 0;
        }
        catch (BenchmarkFailedException ex)
        {
            Console.WriteLine($"{ResultMarker} fail {ex.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Parent side: one discarded child (warms the OS file cache), then up to <paramref name="samples"/> measured ones —
    /// fewer (but at least 3) when <paramref name="budget"/> runs out, so a slow machine still finishes in time.
    /// </summary>
    public static ColdResult Measure(string definitionFile, int samples, TimeSpan budget)
    {
        const int minimumSamples = 3;
        var clock = Stopwatch.StartNew();
        _ = Spawn(definitionFile);
        var results = new List<ColdSample>();
        while (results.Count < samples && (results.Count < minimumSamples || clock.Elapsed < budget))
        {
            results.Add(Spawn(definitionFile));
        }

        return new ColdResult(results);
    }

    private static ColdSample Spawn(string definitionFile)
    {
        var clock = Stopwatch.StartNew();
        var numbers = ChildRun.Numbers("cold run child", ResultMarker, TimeSpan.FromSeconds(30), Argument, definitionFile);
        return new ColdSample(numbers[0], numbers[1], numbers[2], numbers[3], clock.Elapsed.TotalMilliseconds);
    }
}

using System.Diagnostics;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Benchmarks;

/// <summary>Throughput of equal-length rounds; the median round is the result (robust against bursts of foreign load).</summary>
internal sealed record Rounds(IReadOnlyList<double> PerSecond)
{
    public double Median
    {
        get
        {
            var sorted = PerSecond.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    public double Min => PerSecond.Min();
    public double Max => PerSecond.Max();
}

/// <summary>Single-threaded measurement: throughput, latency distribution and allocations of the measuring thread.</summary>
internal sealed record SingleThreadResult(
    Rounds Rounds,
    long Instances,
    TimeSpan Elapsed,
    long AllocatedBytes,
    double P50Microseconds,
    double P99Microseconds,
    int Gen0,
    int Gen1,
    int Gen2,
    TimeSpan GcPause,
    TimeSpan ProcessCpu,
    int AsyncCompletions)
{
    public double PerSecond => Rounds.Median;
    /// <summary>Mean wall time per instance in the median round.</summary>
    public double MeanMicroseconds => 1_000_000 / Rounds.Median;
    /// <summary>Process CPU time (all threads: this one, GC, JIT) per instance; barely affected by other processes.</summary>
    public double CpuMicroseconds => ProcessCpu.TotalMicroseconds / Instances;
    public double BytesPerInstance => (double)AllocatedBytes / Instances;
    public double GcPausePercent => 100 * GcPause.TotalMilliseconds / Elapsed.TotalMilliseconds;
}

/// <summary>Multi-threaded measurement: one dedicated thread per core, all running instances of the same definition.</summary>
internal sealed record ParallelResult(int Threads, Rounds Rounds, long Instances)
{
    public double PerSecond => Rounds.Median;
}

internal static class ThroughputMeter
{
    /// <summary>Each measurement is split into this many equal rounds.</summary>
    public const int RoundCount = 5;

    private const int LatencySamples = 4_000_000;
    private const int Padding = 16; // longs per counter slot: one cache line (and then some) per thread

    /// <summary>
    /// Runs for <paramref name="warmup"/> (tier-1 JIT, PGO, caches), then for <paramref name="duration"/> on this thread
    /// in <see cref="RoundCount"/> rounds, checking every run. Allocations are GC.GetAllocatedBytesForCurrentThread
    /// around the measured loop.
    /// </summary>
    public static SingleThreadResult MeasureSingleThread(BenchEngine engine, WorkflowDefinition definition, TimeSpan warmup, TimeSpan duration)
    {
        var options = new RunOptions { StandardOutput = TextWriter.Null };
        var asyncCompletions = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < warmup)
        {
            Check(engine.Run(definition, options, ref asyncCompletions));
        }

        var latencies = new int[LatencySamples];
        var rounds = new List<double>(RoundCount);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        asyncCompletions = 0;
        long instances = 0;
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        var roundTicks = (long)(duration.TotalSeconds * Stopwatch.Frequency / RoundCount);
        var now = start;
        for (var round = 0; round < RoundCount; round++)
        {
            var roundStart = now;
            var roundEnd = roundStart + roundTicks;
            long roundInstances = 0;
            while (now < roundEnd)
            {
                var workflow = engine.Run(definition, options, ref asyncCompletions);
                var after = Stopwatch.GetTimestamp();
                if (!FlowchartScenario.FinishedCleanly(workflow))
                {
                    Check(workflow);
                }

                if (instances < LatencySamples)
                {
                    latencies[instances] = (int)Math.Min(int.MaxValue, after - now);
                }

                instances++;
                roundInstances++;
                now = after;
            }

            rounds.Add(roundInstances / Stopwatch.GetElapsedTime(roundStart, now).TotalSeconds);
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        self.Refresh();
        cpu = self.TotalProcessorTime - cpu;
        var elapsed = Stopwatch.GetElapsedTime(start, now);
        var samples = latencies.AsSpan(0, (int)Math.Min(instances, LatencySamples));
        samples.Sort();
        return new SingleThreadResult(
            new Rounds(rounds),
            instances,
            elapsed,
            allocated,
            ToMicroseconds(Percentile(samples, 0.50)),
            ToMicroseconds(Percentile(samples, 0.99)),
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            GC.GetTotalPauseDuration() - pause,
            cpu,
            asyncCompletions);
    }

    /// <summary>One dedicated thread per core runs instances back to back; counted in rounds after the warm-up.</summary>
    public static ParallelResult MeasureParallel(BenchEngine engine, WorkflowDefinition definition, int threads, TimeSpan warmup, TimeSpan duration)
    {
        var options = new RunOptions { StandardOutput = TextWriter.Null };
        var counters = new long[threads * Padding];
        var stop = 0;
        string? failure = null;
        var workers = Enumerable.Range(0, threads).Select(index => new Thread(() =>
        {
            var asyncCompletions = 0;
            long count = 0;
            try
            {
                while (Volatile.Read(ref stop) == 0)
                {
                    Check(engine.Run(definition, options, ref asyncCompletions));
                    Volatile.Write(ref counters[index * Padding], ++count);
                }
            }
            catch (BenchmarkFailedException ex)
            {
                Interlocked.CompareExchange(ref failure, ex.Message, null);
                Volatile.Write(ref stop, 1);
            }
        })
        { IsBackground = true, Name = $"bench-{index}" }).ToList();

        workers.ForEach(w => w.Start());
        Thread.Sleep(warmup);
        var rounds = new List<double>(RoundCount);
        var first = Sum(counters);
        var before = first;
        var start = Stopwatch.GetTimestamp();
        for (var round = 0; round < RoundCount && Volatile.Read(ref stop) == 0; round++)
        {
            Thread.Sleep(duration / RoundCount);
            var after = Sum(counters);
            var end = Stopwatch.GetTimestamp();
            rounds.Add((after - before) / Stopwatch.GetElapsedTime(start, end).TotalSeconds);
            (before, start) = (after, end);
        }

        Volatile.Write(ref stop, 1);
        workers.ForEach(w => w.Join());
        if (failure is not null)
        {
            throw new BenchmarkFailedException(failure);
        }

        return new ParallelResult(threads, new Rounds(rounds), before - first);
    }

    /// <summary>Throws with the reason when a run did not finish cleanly.</summary>
    public static void Check(WorkflowExecutionContext workflow)
    {
        if (FlowchartScenario.Problem(workflow) is { } problem)
        {
            throw new BenchmarkFailedException(problem);
        }
    }

    private static long Sum(long[] counters)
    {
        long total = 0;
        for (var i = 0; i < counters.Length; i += Padding)
        {
            total += Volatile.Read(ref counters[i]);
        }

        return total;
    }

    private static long Percentile(ReadOnlySpan<int> sorted, double fraction) =>
        sorted.IsEmpty ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(fraction * sorted.Length))];

    private static double ToMicroseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}

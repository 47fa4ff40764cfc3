using System.Diagnostics;

namespace LowCodeErp.Rules.Benchmarks;

/// <summary>
/// Compares two operations on a shared, noisy machine: short batches of each, alternating, so both see the same
/// background load; per batch, wall time and CPU time of the measuring thread (the operations complete synchronously
/// when warm, so that is exactly their work, without the time spent waiting for a core). Reports the median of rounds.
/// </summary>
internal sealed class Meter(TimeSpan roundDuration)
{
    private const int Batch = 500;
    private readonly List<(double Wall, double Cpu)> _a = [];
    private readonly List<(double Wall, double Cpu)> _b = [];

    public (double Wall, double Cpu) A => Median(_a);

    public (double Wall, double Cpu) B => Median(_b);

    /// <summary>
    /// Runs both for a while without recording: until tiered compilation has replaced the first, unoptimised code of both
    /// paths (on a loaded machine that takes seconds), a round would measure the JIT's tiers, not the paths.
    /// </summary>
    public static async Task WarmUpAsync(Func<Task> a, Func<Task> b, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            await RunBatchAsync(a);
            await RunBatchAsync(b);
        }
    }

    public async Task RoundAsync(Func<Task> a, Func<Task> b)
    {
        await RunBatchAsync(a);
        await RunBatchAsync(b);
        (double Wall, double Cpu) totalA = default, totalB = default;
        var count = 0;
        var round = Stopwatch.StartNew();
        while (round.Elapsed < roundDuration)
        {
            var sampleA = await RunBatchAsync(a);
            var sampleB = await RunBatchAsync(b);
            totalA = (totalA.Wall + sampleA.Wall, totalA.Cpu + sampleA.Cpu);
            totalB = (totalB.Wall + sampleB.Wall, totalB.Cpu + sampleB.Cpu);
            count += Batch;
        }

        _a.Add((totalA.Wall / count, totalA.Cpu / count));
        _b.Add((totalB.Wall / count, totalB.Cpu / count));
    }

    /// <summary>Microseconds of wall and thread CPU time for one batch.</summary>
    private static async Task<(double Wall, double Cpu)> RunBatchAsync(Func<Task> operation)
    {
        var cpu = ThreadCpu.NowMilliseconds();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Batch; i++)
        {
            await operation();
        }

        return (clock.Elapsed.TotalMicroseconds, (ThreadCpu.NowMilliseconds() - cpu) * 1000);
    }

    private static (double Wall, double Cpu) Median(List<(double Wall, double Cpu)> rounds) =>
        (rounds.Select(r => r.Wall).Order().ElementAt(rounds.Count / 2), rounds.Select(r => r.Cpu).Order().ElementAt(rounds.Count / 2));
}

using System.Diagnostics;
using System.Globalization;

namespace LowCodeErp.Rules.Benchmarks;

/// <summary>Latencies of single operations, in wall time and in CPU time of the thread that ran them.</summary>
internal sealed class Samples
{
    private readonly List<double> _wall = [];
    private readonly List<double> _cpu = [];

    public string Wall => Format(_wall);

    public string Cpu => ThreadCpu.IsSupported ? Format(_cpu) : "n/a";

    /// <summary>
    /// Times one operation. The evaluation completes synchronously when warm; should it continue on another thread, its
    /// CPU time is not comparable and is left out.
    /// </summary>
    public static async Task<(double WallMs, double CpuMs)> MeasureAsync(Func<ValueTask<Rules.Model.RuleEvaluation>> operation)
    {
        var thread = Environment.CurrentManagedThreadId;
        var cpu = ThreadCpu.NowMilliseconds();
        var clock = Stopwatch.StartNew();
        await operation();
        var wall = clock.Elapsed.TotalMilliseconds;
        return (wall, thread == Environment.CurrentManagedThreadId ? ThreadCpu.NowMilliseconds() - cpu : double.NaN);
    }

    public void Add((double WallMs, double CpuMs) sample)
    {
        _wall.Add(sample.WallMs);
        if (!double.IsNaN(sample.CpuMs))
        {
            _cpu.Add(sample.CpuMs);
        }
    }

    private static string Format(List<double> values)
    {
        if (values.Count == 0)
        {
            return "n/a";
        }

        var sorted = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{Percentile(sorted, 0.5):0.000} / {Percentile(sorted, 0.99):0.000} / {sorted[^1]:0.000} ms");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

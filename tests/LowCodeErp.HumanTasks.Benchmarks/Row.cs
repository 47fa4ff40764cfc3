namespace LowCodeErp.HumanTasks.Benchmarks;

/// <summary>One line of the results table: latency percentiles of one scenario's samples against its target.</summary>
internal sealed record Row(string Scenario, int N, double P50, double P95, double P99, double Target)
{
    public static Row Of(string scenario, List<double> samples, double target) =>
        new(scenario, samples.Count, Percentile(samples, 0.50), Percentile(samples, 0.95), Percentile(samples, 0.99), target);

    // Nearest-rank percentile: the smallest sample with at least p of the samples at or below it.
    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

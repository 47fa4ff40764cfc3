using System.Diagnostics;

namespace LowCodeErp.Rules.Benchmarks;

/// <summary>Runs an operation back to back for a fixed time per round and keeps the per-round mean; reports the median round.</summary>
internal sealed class Meter(TimeSpan roundDuration)
{
    private readonly List<double> _rounds = [];

    public double MedianMicroseconds => _rounds.Order().ElementAt(_rounds.Count / 2);

    public async Task RoundAsync(Func<Task> operation)
    {
        for (var i = 0; i < 200; i++)
        {
            await operation();
        }

        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < roundDuration)
        {
            for (var i = 0; i < 100; i++)
            {
                await operation();
            }

            count += 100;
        }

        _rounds.Add(clock.Elapsed.TotalMicroseconds / count);
    }
}

using System.Diagnostics;
using System.Dynamic;
using LowCodeErp.Rules.Engine;

namespace LowCodeErp.Rules.Benchmarks;

/// <summary>Concurrent evaluations of one warm rule set by independent async workers.</summary>
internal static class Throughput
{
    public static async Task<double> RunAsync(RuleEvaluator evaluator, string ruleSet, int workers, TimeSpan duration)
    {
        long total = 0;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var applicant = new ExpandoObject();
            IDictionary<string, object?> map = applicant;
            map["creditScore"] = 600m + w;
            map["defaults"] = 0m;
            map["yearsInBusiness"] = 3m;
            map["annualRevenue"] = 500000m;
            map["existingDebt"] = 50000m;
            map["yearsOfCreditHistory"] = 5m;
            var inputs = new KeyValuePair<string, object?>[] { new("applicant", applicant) };
            long count = 0;
            while (clock.Elapsed < duration)
            {
                await evaluator.EvaluateAsync(ruleSet, null, inputs);
                count++;
            }

            Interlocked.Add(ref total, count);
        })).ToArray();
        await Task.WhenAll(tasks);
        return total / clock.Elapsed.TotalSeconds;
    }
}

using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Services;

namespace LowCodeErp.Benchmarks;

/// <summary>
/// <c>--soak sqlite|postgres SECONDS [IN-FLIGHT]</c>: row 4's persisted starts for a long, steady stretch, for a profiler
/// (dotnet-trace, dotnet-counters) to attach to. Prints throughput, process CPU and allocations per start and the
/// writer's batches. Not part of the report.
/// </summary>
internal static class Soak
{
    public const string Argument = "--soak";

    public static int Run(string provider, string seconds, string? inFlight)
    {
        var duration = TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        var workers = inFlight is null ? PersistedScenarios.InFlight : int.Parse(inFlight, System.Globalization.CultureInfo.InvariantCulture);
        return RunAsync(provider, duration, workers).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string provider, TimeSpan duration, int workers)
    {
        var database = provider == "postgres" ? await PersistedDatabase.PostgresAsync() : PersistedDatabase.Sqlite();
        if (database is null)
        {
            Console.Error.WriteLine($"{PersistedDatabase.PostgresVariable} is not set");
            return 2;
        }

        var stdout = Console.Out;
        await using (database)
        {
            await using var host = await PersistedHost.CreateAsync(database);
            var request = new StartWorkflowRequest(PersistedScenarios.LiteralDefinitionId, VersionOptions.Published);
            async Task StartOnce()
            {
                var started = await host.Runtime.StartAsync(request);
                if (started.SubStatus != WorkflowSubStatus.Finished)
                {
                    throw new BenchmarkFailedException($"start ended {started.Status}/{started.SubStatus}");
                }
            }

            Console.SetOut(TextWriter.Null);
            try
            {
                using var stats = new WriterStats();
                var allocated = GC.GetTotalAllocatedBytes();
                var measured = await PersistedScenarios.MeasureAsync(StartOnce, workers, TimeSpan.FromSeconds(1), duration);
                allocated = GC.GetTotalAllocatedBytes() - allocated;
                stdout.WriteLine($"{provider}, {workers} in flight: {Format.Number(measured.PerSecond)} inst/s (rounds {Format.Number(measured.Rounds.Min)}–{Format.Number(measured.Rounds.Max)}), " +
                                 $"CPU {Format.Decimal(measured.ProcessCpu.TotalMicroseconds / measured.Calls)} µs/start, p50 {Format.Decimal(measured.P50Ms)} ms, " +
                                 $"~{Format.Number(allocated / (double)measured.Calls)} B allocated/start (warm-up included); {stats.Describe()}");
            }
            finally
            {
                Console.SetOut(stdout);
            }

            if (database.Provider == Workflows.Runtime.Persistence.WorkflowsDatabaseProvider.Sqlite)
            {
                stdout.WriteLine(await database.DescribeSizesAsync());
            }
        }

        return 0;
    }
}

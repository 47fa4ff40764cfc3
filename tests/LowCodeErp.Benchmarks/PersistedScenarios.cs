using System.Diagnostics;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Benchmarks;

/// <summary>
/// Durations of the persisted scenarios. <see cref="SteadyWarmup"/> runs starts at <see cref="PersistedScenarios.InFlight"/>
/// before each provider's rows: on two cores tiered JIT and PGO need several seconds of this load before the code is
/// optimised, and a row measured earlier shows the JIT, not the runtime (WorkflowCore's row is measured warm too).
/// </summary>
/// <see cref="InFlightDuration"/> is longer than the other rows' because the ratio to WorkflowCore (row 7) is taken from it:
/// on a shared 2-core VM a 2 s measurement moved by ±15% from run to run.
internal sealed record PersistedSettings(TimeSpan SteadyWarmup, TimeSpan Warmup, TimeSpan Duration, TimeSpan InFlightDuration, TimeSpan Profile,
    int ResumeWarmup, int ResumeSamples)
{
    public static PersistedSettings For(bool quick) => quick
        ? new PersistedSettings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.3), 20, 100)
        : new PersistedSettings(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(0.6), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(0.8), 30, 300);
}

/// <summary>Start → finish throughput of one provider; null rates when the provider was skipped or failed.</summary>
internal sealed record PersistedResult(string Provider, double? SinglePerSecond, double? ParallelPerSecond, string? Skipped, double? InFlightPerSecond = null);

/// <summary>Rounds of a measurement of an async operation, with per-call latencies (ms) of the measured part.</summary>
internal sealed record AsyncMeasurement(Rounds Rounds, long Calls, double P50Ms, double P99Ms, double MaxMs, TimeSpan ProcessCpu)
{
    public double PerSecond => Rounds.Median;
}

/// <summary>
/// Rows 4–5: the durable runtime (<see cref="IWorkflowRuntime"/>) on a real database. Every start and every resume is a
/// full runtime operation: definition lookup, per-instance lock, engine run, and one transaction with state, bookmarks
/// and journal, committed before the call returns.
/// </summary>
internal static class PersistedScenarios
{
    public const string LiteralDefinitionId = "bm-literal-flowchart";
    public const string ResumeDefinitionId = "bm-event-resume";
    public const int Workers = 2;
    // What a busy server sees: many requests in flight at once (WorkflowCore's row starts its whole burst of 5,000 at
    // once). The runtime's group commit lets them share transactions; 2 workers measure the latency-bound case.
    public const int InFlight = 256;
    private const double ResumeP99TargetMs = 20;
    private const string ResumeLine = "Resumed";

    public static async Task<List<PersistedResult>> RunAsync(Report report, PersistedSettings settings)
    {
        var results = new List<PersistedResult>();
        // WriteLine goes to Console.Out in the runtime (RunOptions.StandardOutput is not set there): keep it out of the
        // report. The in-memory rows write to TextWriter.Null too, so the work per instance is the same.
        var stdout = Console.Out;
        try
        {
            Console.SetOut(TextWriter.Null);
            results.Add(await ProviderAsync(report, settings, "4", "5", "SQLite", () => Task.FromResult<PersistedDatabase?>(PersistedDatabase.Sqlite())));
            results.Add(await ProviderAsync(report, settings, "4b", "5b", "PostgreSQL", PersistedDatabase.PostgresAsync));
        }
        finally
        {
            Console.SetOut(stdout);
        }

        return results;
    }

    private static async Task<PersistedResult> ProviderAsync(Report report, PersistedSettings settings, string startId, string resumeId, string provider,
        Func<Task<PersistedDatabase?>> create)
    {
        var startScenario = $"Persisted Literal flowchart, {provider}";
        var resumeScenario = $"Persisted resume by bookmark id, {provider}";
        PersistedDatabase? database;
        try
        {
            database = await create();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            report.AddFailure(startId, startScenario, "—", "cannot create the database: " + Program.Reason(ex));
            report.AddFailure(resumeId, resumeScenario, "—", "cannot create the database: " + Program.Reason(ex));
            return new PersistedResult(provider, null, null, "database could not be created");
        }

        if (database is null)
        {
            const string skipped = $"skipped: {PersistedDatabase.PostgresVariable} not set";
            report.Add(startId, startScenario, "start → finish throughput", skipped);
            report.Add(resumeId, resumeScenario, "resume latency", skipped);
            return new PersistedResult(provider, null, null, skipped);
        }

        await using (database)
        {
            PersistedHost host;
            try
            {
                Program.Progress($"{startId} {startScenario}: migrating and importing Definitions/");
                host = await PersistedHost.CreateAsync(database);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                report.AddFailure(startId, startScenario, "—", "runtime set-up: " + Program.Reason(ex));
                return new PersistedResult(provider, null, null, "runtime set-up failed");
            }

            await using (host)
            {
                var described = await database.DescribeAsync();
                var result = await StartThroughputAsync(report, settings, host, startId, startScenario, described);
                await ResumeLatencyAsync(report, settings, host, resumeId, resumeScenario, database.Provider);
                return result with { Provider = provider };
            }
        }
    }

    private static async Task<PersistedResult> StartThroughputAsync(Report report, PersistedSettings settings, PersistedHost host, string id, string scenario,
        string described)
    {
        var runtime = host.Runtime;
        var request = new StartWorkflowRequest(LiteralDefinitionId, VersionOptions.Published);
        try
        {
            Program.Progress($"{id} {scenario}: verifying");
            await VerifyStartAsync(host, request);

            async Task StartOnce()
            {
                var started = await runtime.StartAsync(request);
                if (started.SubStatus != WorkflowSubStatus.Finished || started.Incidents.Count > 0)
                {
                    throw new BenchmarkFailedException($"start ended {started.Status}/{started.SubStatus}" +
                        (started.Incidents.Count > 0 ? $": {started.Incidents[0].Message}" : ", expected Finished"));
                }
            }

            Program.Progress($"{id} {scenario}: warming up, {InFlight} in flight for {settings.SteadyWarmup.TotalSeconds:0.#} s");
            await MeasureAsync(StartOnce, InFlight, settings.SteadyWarmup, TimeSpan.FromMilliseconds(ThroughputMeter.RoundCount));
            Program.Progress($"{id} {scenario}: 1 worker, {settings.Duration.TotalSeconds:0.#} s");
            var single = await MeasureAsync(StartOnce, 1, settings.Warmup, settings.Duration);
            Program.Progress($"{id} {scenario}: {Workers} workers, {settings.Duration.TotalSeconds:0.#} s");
            var parallel = await MeasureAsync(StartOnce, Workers, settings.Warmup / 2, settings.Duration);
            Program.Progress($"{id} {scenario}: {InFlight} in flight, {settings.InFlightDuration.TotalSeconds:0.#} s");
            AsyncMeasurement inFlight;
            string writer;
            using (var stats = new WriterStats())
            {
                inFlight = await MeasureAsync(StartOnce, InFlight, settings.Warmup / 2, settings.InFlightDuration);
                writer = stats.Describe();
            }

            Program.Progress($"{id} {scenario}: profiling one start ({settings.Profile.TotalSeconds:0.#} s)");
            var split = await ProfileStartAsync(host, StartOnce, request, settings.Profile);

            // Every start that returned must be in the database, finished.
            var instances = host.Get<IWorkflowInstanceStore>();
            var all = (await instances.ListAsync(new InstanceQuery(LiteralDefinitionId, PageSize: 1))).TotalCount;
            var finished = (await instances.ListAsync(new InstanceQuery(LiteralDefinitionId, WorkflowStatus.Finished, PageSize: 1))).TotalCount;
            if (all != finished)
            {
                throw new BenchmarkFailedException($"{all - finished} of {all} stored instances are not Finished");
            }

            report.Add(id, scenario, "start → finish, 1 worker", $"{Format.Number(single.PerSecond)} inst/s",
                $"median of {ThroughputMeter.RoundCount} rounds (min {Format.Number(single.Rounds.Min)}, max {Format.Number(single.Rounds.Max)}); " +
                $"per start p50 {Format.Decimal(single.P50Ms)} ms, p99 {Format.Decimal(single.P99Ms)} ms; process CPU {Format.Decimal(single.ProcessCpu.TotalMicroseconds / single.Calls)} µs/start");
            report.Add(id, scenario, $"start → finish, {Workers} workers", $"{Format.Number(parallel.PerSecond)} inst/s",
                $"median of {ThroughputMeter.RoundCount} rounds (min {Format.Number(parallel.Rounds.Min)}, max {Format.Number(parallel.Rounds.Max)}); " +
                $"×{parallel.PerSecond / single.PerSecond:0.00} vs 1 worker; per start p50 {Format.Decimal(parallel.P50Ms)} ms, p99 {Format.Decimal(parallel.P99Ms)} ms");
            report.Add(id, scenario, $"start → finish, {InFlight} in flight", $"{Format.Number(inFlight.PerSecond)} inst/s",
                $"median of {ThroughputMeter.RoundCount} rounds (min {Format.Number(inFlight.Rounds.Min)}, max {Format.Number(inFlight.Rounds.Max)}); " +
                $"per start p50 {Format.Decimal(inFlight.P50Ms)} ms, p99 {Format.Decimal(inFlight.P99Ms)} ms; process CPU {Format.Decimal(inFlight.ProcessCpu.TotalMicroseconds / inFlight.Calls)} µs/start; " +
                $"{writer} (warm-up included)");
            report.Add(id, scenario, "time / start, split", $"{Format.Decimal(split.WallMicroseconds)} µs", split.Describe());
            report.Add(id, scenario, "database", Format.Cell(described),
                $"{Format.Number(finished)} instances stored, all Finished; {split.JournalRows} journal entries per instance, one segment row per burst");
            return new PersistedResult("", single.PerSecond, parallel.PerSecond, null, inFlight.PerSecond);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            report.AddFailure(id, scenario, "—", Program.Reason(ex));
            return new PersistedResult("", null, null, "failed");
        }
    }

    /// <summary>One start with output captured: the 4 lines, Finished, stored with its journal.</summary>
    private static async Task VerifyStartAsync(PersistedHost host, StartWorkflowRequest request)
    {
        var writer = new StringWriter();
        var previous = Console.Out;
        WorkflowRunResult started;
        try
        {
            Console.SetOut(writer);
            started = await host.Runtime.StartAsync(request);
        }
        finally
        {
            Console.SetOut(previous);
        }

        if (started.SubStatus != WorkflowSubStatus.Finished || started.Incidents.Count > 0)
        {
            throw new BenchmarkFailedException($"verification start ended {started.Status}/{started.SubStatus}" +
                (started.Incidents.Count > 0 ? $": {started.Incidents[0].Message}" : ""));
        }

        var lines = FlowchartScenario.Lines(writer);
        if (!lines.SequenceEqual(FlowchartScenario.ExpectedLines))
        {
            throw new BenchmarkFailedException($"verification start wrote [{string.Join(" | ", lines)}], expected [{string.Join(" | ", FlowchartScenario.ExpectedLines)}]");
        }

        var stored = await host.Get<IWorkflowInstanceStore>().LoadAsync(started.InstanceId)
                     ?? throw new BenchmarkFailedException("verification start: instance not in the database");
        if (stored.State.SubStatus != WorkflowSubStatus.Finished)
        {
            throw new BenchmarkFailedException($"verification start: stored instance is {stored.State.SubStatus}, expected Finished");
        }

        if ((await host.Get<IWorkflowLogStore>().ListJournalAsync(started.InstanceId)).Count == 0)
        {
            throw new BenchmarkFailedException("verification start: no journal entries stored");
        }
    }

    private static async Task ResumeLatencyAsync(Report report, PersistedSettings settings, PersistedHost host, string id, string scenario, WorkflowsDatabaseProvider provider)
    {
        var target = provider == WorkflowsDatabaseProvider.Sqlite ? ResumeP99TargetMs : (double?)null;
        var runtime = host.Runtime;
        try
        {
            var total = settings.ResumeWarmup + settings.ResumeSamples;
            Program.Progress($"{id} {scenario}: suspending {Format.Number(total)} instances on an Elsa.Event bookmark");
            var request = new StartWorkflowRequest(ResumeDefinitionId, VersionOptions.Published);
            // Suspended by Workers concurrent loops (only to save time); the resumes are then timed one at a time.
            var bookmarkIds = new string[total];
            var next = -1;
            var prepare = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < total; i = Interlocked.Increment(ref next))
                {
                    var started = await runtime.StartAsync(request);
                    if (started.SubStatus != WorkflowSubStatus.Suspended || started.Bookmarks is not [{ Name: "Elsa.Event" } bookmark])
                    {
                        throw new BenchmarkFailedException($"start ended {started.Status}/{started.SubStatus} with {started.Bookmarks.Count} bookmark(s), expected Suspended on one Elsa.Event");
                    }

                    bookmarkIds[i] = bookmark.Id;
                }
            })));
            prepare.Stop();
            Program.Progress($"{id} {scenario}: resuming each by bookmark id");
            await VerifyResumeAsync(runtime, bookmarkIds[0]);
            for (var i = 1; i < settings.ResumeWarmup; i++)
            {
                Check(await runtime.ResumeAsync(bookmarkIds[i]));
            }

            var latencies = new double[settings.ResumeSamples];
            using var self = Process.GetCurrentProcess();
            var cpu = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < settings.ResumeSamples; i++)
            {
                var before = Stopwatch.GetTimestamp();
                var resumed = await runtime.ResumeAsync(bookmarkIds[settings.ResumeWarmup + i]);
                latencies[i] = Stopwatch.GetElapsedTime(before).TotalMilliseconds;
                Check(resumed);
            }

            clock.Stop();
            self.Refresh();
            cpu = self.TotalProcessorTime - cpu;

            // Exactly once: a second resume of the same bookmark is refused, and nothing is left waiting.
            try
            {
                await runtime.ResumeAsync(bookmarkIds[^1]);
                throw new BenchmarkFailedException("a bookmark could be resumed twice");
            }
            catch (BookmarkNotFoundException)
            {
            }

            var instances = host.Get<IWorkflowInstanceStore>();
            var finished = (await instances.ListAsync(new InstanceQuery(ResumeDefinitionId, WorkflowStatus.Finished, PageSize: 1))).TotalCount;
            if (finished != total)
            {
                throw new BenchmarkFailedException($"{finished} of {total} resumed instances are stored as Finished");
            }

            Array.Sort(latencies);
            var p50 = Percentile(latencies, 0.50);
            var p99 = Percentile(latencies, 0.99);
            var notes = $"{Format.Number(settings.ResumeSamples)} resumes timed one by one after {settings.ResumeWarmup} warm-up resumes " +
                        $"(max {Format.Decimal(latencies[^1])} ms, mean {Format.Decimal(clock.Elapsed.TotalMilliseconds / settings.ResumeSamples)} ms, " +
                        $"process CPU {Format.Decimal(cpu.TotalMicroseconds / settings.ResumeSamples)} µs/resume); " +
                        $"suspending them: {Format.Number(total / prepare.Elapsed.TotalSeconds)} starts/s with {Workers} workers; all {Format.Number(total)} Finished, a 2nd resume is refused";
            report.Add(id, scenario, "resume p50", $"{Format.Decimal(p50)} ms");
            if (target is { } maximum)
            {
                report.AddBelow(id, scenario, "resume p99", p99, maximum, "ms", notes);
            }
            else
            {
                report.Add(id, scenario, "resume p99", $"{Format.Decimal(p99)} ms", notes + $" (the < {ResumeP99TargetMs:0} ms target is for SQLite)");
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            report.AddFailure(id, scenario, target is null ? "—" : $"p99 < {ResumeP99TargetMs:0} ms", Program.Reason(ex));
        }
    }

    private static async Task VerifyResumeAsync(IWorkflowRuntime runtime, string bookmarkId)
    {
        var writer = new StringWriter();
        var previous = Console.Out;
        try
        {
            Console.SetOut(writer);
            Check(await runtime.ResumeAsync(bookmarkId));
        }
        finally
        {
            Console.SetOut(previous);
        }

        if (FlowchartScenario.Lines(writer) is not [ResumeLine])
        {
            throw new BenchmarkFailedException($"verification resume wrote [{string.Join(" | ", FlowchartScenario.Lines(writer))}], expected [{ResumeLine}]");
        }
    }

    private static void Check(WorkflowRunResult result)
    {
        if (result.SubStatus != WorkflowSubStatus.Finished || result.Incidents.Count > 0)
        {
            throw new BenchmarkFailedException($"resume ended {result.Status}/{result.SubStatus}" +
                (result.Incidents.Count > 0 ? $": {result.Incidents[0].Message}" : ", expected Finished"));
        }
    }

    /// <summary>
    /// <paramref name="workers"/> concurrent loops call <paramref name="operation"/> back to back; after the warm-up the
    /// measurement is split into <see cref="ThroughputMeter.RoundCount"/> equal rounds (median = result). Latency of every
    /// call in the measured part is kept.
    /// </summary>
    public static async Task<AsyncMeasurement> MeasureAsync(Func<Task> operation, int workers, TimeSpan warmup, TimeSpan duration)
    {
        var counters = new long[workers * 16];
        var latencies = Enumerable.Range(0, workers).Select(_ => new List<double>(16_384)).ToArray();
        var measuring = 0;
        var stop = 0;
        string? failure = null;
        var loops = Enumerable.Range(0, workers).Select(index => Task.Run(async () =>
        {
            try
            {
                while (Volatile.Read(ref stop) == 0)
                {
                    var before = Stopwatch.GetTimestamp();
                    await operation();
                    if (Volatile.Read(ref measuring) == 1)
                    {
                        latencies[index].Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
                    }

                    Interlocked.Increment(ref counters[index * 16]);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.CompareExchange(ref failure, Program.Reason(ex), null);
                Volatile.Write(ref stop, 1);
            }
        })).ToList();

        await Task.Delay(warmup);
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var rounds = new List<double>(ThroughputMeter.RoundCount);
        Volatile.Write(ref measuring, 1);
        var first = Sum(counters);
        var before = first;
        var start = Stopwatch.GetTimestamp();
        for (var round = 0; round < ThroughputMeter.RoundCount && Volatile.Read(ref stop) == 0; round++)
        {
            await Task.Delay(duration / ThroughputMeter.RoundCount);
            var after = Sum(counters);
            var end = Stopwatch.GetTimestamp();
            rounds.Add((after - before) / Stopwatch.GetElapsedTime(start, end).TotalSeconds);
            (before, start) = (after, end);
        }

        Volatile.Write(ref measuring, 0);
        Volatile.Write(ref stop, 1);
        self.Refresh();
        cpu = self.TotalProcessorTime - cpu;
        await Task.WhenAll(loops);
        if (failure is not null)
        {
            throw new BenchmarkFailedException(failure);
        }

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new AsyncMeasurement(new Rounds(rounds), before - first, Percentile(all, 0.5), Percentile(all, 0.99), all.Length > 0 ? all[^1] : 0, cpu);
    }

    /// <summary>
    /// Where the time of one start goes: the same starts, sequential, with EF Core's diagnostics counted; plus the engine
    /// run alone (in-memory runner, same definition) and the definition lookup alone (the runtime does one per start).
    /// </summary>
    private static async Task<StartSplit> ProfileStartAsync(PersistedHost host, Func<Task> startOnce, StartWorkflowRequest request, TimeSpan duration)
    {
        using var engine = new BenchEngine();
        var definition = engine.Load(FlowchartScenario.LiteralFile, FlowchartScenario.ReadJson(FlowchartScenario.LiteralFile));
        var options = new RunOptions { StandardOutput = TextWriter.Null };
        var ignored = 0;
        var (run, _) = await TimePerCallAsync(() =>
        {
            ThroughputMeter.Check(engine.Run(definition, options, ref ignored));
            return Task.CompletedTask;
        }, duration / 4, null);

        using var meter = new DbCommandMeter();
        var definitions = host.Get<IWorkflowDefinitionStore>();
        var (lookup, lookupDb) = await TimePerCallAsync(async () => _ = await definitions.FindAsync(request.DefinitionId, request.Version), duration / 4, meter);
        var (wall, db) = await TimePerCallAsync(startOnce, duration, meter);
        var started = await host.Runtime.StartAsync(request);
        var journalRows = (await host.Get<IWorkflowLogStore>().ListJournalAsync(started.InstanceId, take: 1_000)).Count;
        return new StartSplit(wall, run, lookup - lookupDb.CommandMicroseconds - lookupDb.OpenMicroseconds, db, journalRows);
    }

    /// <summary>Mean µs per call over at least <paramref name="duration"/> (and 10 calls), with the EF work per call when metered.</summary>
    private static async Task<(double Microseconds, DbPerCall Db)> TimePerCallAsync(Func<Task> call, TimeSpan duration, DbCommandMeter? meter)
    {
        var before = meter?.Snapshot();
        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration || count < 10)
        {
            await call();
            count++;
        }

        clock.Stop();
        var after = meter?.Snapshot();
        var db = before is null || after is null
            ? new DbPerCall(0, 0, 0, 0, 0, 0, 0, 0)
            : new DbPerCall(
                (double)(after.Commands - before.Commands) / count, (after.CommandTime - before.CommandTime).TotalMicroseconds / count,
                (double)(after.Commits - before.Commits) / count, (after.CommitTime - before.CommitTime).TotalMicroseconds / count,
                (double)(after.Opens - before.Opens) / count, (after.OpenTime - before.OpenTime).TotalMicroseconds / count,
                (double)(after.Batches - before.Batches) / count, (after.BatchMs - before.BatchMs) * 1000 / count);
        return (clock.Elapsed.TotalMicroseconds / count, db);
    }

    private static long Sum(long[] counters)
    {
        long total = 0;
        for (var i = 0; i < counters.Length; i += 16)
        {
            total += Volatile.Read(ref counters[i]);
        }

        return total;
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(fraction * sorted.Length))];

    /// <summary>EF Core work per call: commands, commits and connection opens (count and µs).</summary>
    private sealed record DbPerCall(double Commands, double CommandMicroseconds, double Commits, double CommitMicroseconds, double Opens, double OpenMicroseconds,
        double Batches, double BatchMicroseconds);

    /// <summary>Microseconds per start, from the profiling pass.</summary>
    private sealed record StartSplit(double WallMicroseconds, double RunMicroseconds, double LookupParseMicroseconds, DbPerCall Db, int JournalRows)
    {
        public string Describe()
        {
            var rest = WallMicroseconds - RunMicroseconds - LookupParseMicroseconds - Db.CommandMicroseconds - Db.CommitMicroseconds - Db.OpenMicroseconds
                       - Db.BatchMicroseconds;
            return $"sequential, EF diagnostics on: engine run {Format.Decimal(RunMicroseconds)} (in-memory runner, same definition) + " +
                   $"definition read w/o SQL {Format.Decimal(LookupParseMicroseconds)} (JSON parse etc., once per start) + " +
                   $"{Db.Batches:0.#} save transaction (ADO.NET writer: statements + commit) {Format.Decimal(Db.BatchMicroseconds)} + " +
                   $"{Db.Commands:0.#} EF commands {Format.Decimal(Db.CommandMicroseconds)} + {Db.Commits:0.#} EF commits {Format.Decimal(Db.CommitMicroseconds)} + " +
                   $"{Db.Opens:0.#} EF connection opens {Format.Decimal(Db.OpenMicroseconds)} + rest {Format.Decimal(rest)} µs (state and journal JSON, row building, hand-off to the writer, lock, result)";
        }
    }
}

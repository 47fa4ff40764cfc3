using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Models.LifeCycleEvents;

namespace LowCodeErp.Benchmarks;

/// <summary>
/// One WorkflowCore child process: the warm burst (throughput, start → Complete latency, CPU) and, for comparison, the
/// throughput of the same process's first burst, which is what ../shared/research/workflowcore-baseline.md measured.
/// </summary>
internal sealed record WorkflowCoreSample(double PerSecond, double WallMs, double P50Ms, double P99Ms, double CpuMsPerWorkflow, double FirstBurstPerSecond);

/// <summary>
/// Peer baseline (issue 3, item 8): WorkflowCore 3.22.0 runs the equivalent 10-step workflow on its in-memory
/// persistence, measured as in ../shared/research/workflowcore-baseline.md — a burst of N starts from one thread, completion
/// counted from WorkflowCompleted lifecycle events, engine CompleteTime read back and checked afterwards. Every run is its
/// own child process (this program with <c>--workflowcore</c>), so WorkflowCore's dispatcher threads never run next to the
/// LowCodeErp measurements. Unlike the baseline, the measured burst is the child's second: its first host runs the
/// baseline's whole procedure once (reported as the first-burst figure), then a fresh host — an empty O(n) store again —
/// is measured in a process whose code the JIT has already optimised. The LowCodeErp rows are measured warm too; a first
/// burst runs at less than half the warm rate, so comparing it would flatter LowCodeErp.
/// </summary>
internal static class WorkflowCoreBaseline
{
    public const string Argument = "--workflowcore";
    public const int Steps = 10;
    private const int WarmupWorkflows = 200;
    private const string ResultMarker = "WFC-RESULT";
    private const string WorkflowId = "wf10";

    /// <summary>Parent side: <paramref name="runs"/> child processes of <paramref name="count"/> workflows each.</summary>
    public static IReadOnlyList<WorkflowCoreSample> Measure(int runs, int count) =>
        Enumerable.Range(0, runs).Select(_ => Spawn(count)).ToList();

    /// <summary>Child side: one burst, one result line on stdout.</summary>
    public static int RunChild(string countText)
    {
        var count = int.Parse(countText, CultureInfo.InvariantCulture);
        try
        {
            var sample = Burst(count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ResultMarker} ok {sample.PerSecond:0.###} {sample.WallMs:0.###} {sample.P50Ms:0.###} {sample.P99Ms:0.###} {sample.CpuMsPerWorkflow:0.####} {sample.FirstBurstPerSecond:0.###}"));
            return 0;
        }
        catch (BenchmarkFailedException ex)
        {
            Console.WriteLine($"{ResultMarker} fail {ex.Message}");
            return 1;
        }
    }

    private static WorkflowCoreSample Burst(int count)
    {
        var first = OneHost(count);
        return OneHost(count) with { FirstBurstPerSecond = first.PerSecond };
    }

    /// <summary>The baseline's procedure on a new host (an empty store): warm-up workflows, a pause, a measured burst.</summary>
    private static WorkflowCoreSample OneHost(int count)
    {
        var services = new ServiceCollection();
        services.AddLogging(); // no providers, as in the baseline
        services.AddTransient<Increment>();
        // The baseline's "best fair" configuration: EnableIndexes=false roughly doubles throughput, and with the default
        // NullSearchIndex indexing does nothing useful. Lifecycle events, external events and the poller stay on.
        services.AddWorkflow(o => o.EnableIndexes = false);
        using var provider = services.BuildServiceProvider();
        var host = provider.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<TenSteps, StepData>();
        var stepErrors = 0;
        host.OnStepError += (_, _, _) => Interlocked.Increment(ref stepErrors);
        var warmup = new CompletionCounter(WarmupWorkflows);
        var burst = new CompletionCounter(count);
        host.OnLifeCycleEvent += e =>
        {
            if (e is WorkflowCompleted)
            {
                (e.Reference.StartsWith('w') ? warmup : burst).Completed();
            }
        };
        host.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        try
        {
            Task.WhenAll(Enumerable.Range(0, WarmupWorkflows).Select(k => host.StartWorkflow(WorkflowId, new StepData(), "w" + k))).GetAwaiter().GetResult();
            if (!warmup.Wait(TimeSpan.FromSeconds(60)))
            {
                throw new BenchmarkFailedException("WorkflowCore warm-up did not complete within 60 s");
            }

            Thread.Sleep(1000);
            GC.Collect();
            using var self = Process.GetCurrentProcess();
            var cpu = self.TotalProcessorTime;
            var startUtc = new DateTime[count];
            var tasks = new Task<string>[count];
            for (var k = 0; k < count; k++)
            {
                startUtc[k] = DateTime.UtcNow;
                tasks[k] = host.StartWorkflow(WorkflowId, new StepData { Index = k }, k.ToString(CultureInfo.InvariantCulture));
            }

            var ids = Task.WhenAll(tasks).GetAwaiter().GetResult();
            if (!burst.Wait(TimeSpan.FromSeconds(120)))
            {
                throw new BenchmarkFailedException($"WorkflowCore: {burst.Remaining} of {count} workflows did not complete within 120 s");
            }

            self.Refresh();
            cpu = self.TotalProcessorTime - cpu;
            var store = provider.GetRequiredService<IPersistenceProvider>();
            var latencies = new double[count];
            var last = DateTime.MinValue;
            for (var k = 0; k < count; k++)
            {
                var instance = store.GetWorkflowInstance(ids[k]).GetAwaiter().GetResult();
                if (instance.Status != WorkflowStatus.Complete || instance.Data is not StepData { Counter: Steps } || instance.CompleteTime is not { } completed)
                {
                    throw new BenchmarkFailedException($"WorkflowCore instance {k} is {instance.Status} after {(instance.Data as StepData)?.Counter} steps, expected Complete after {Steps}");
                }

                latencies[k] = (completed - startUtc[k]).TotalMilliseconds;
                last = completed > last ? completed : last;
            }

            if (stepErrors > 0)
            {
                throw new BenchmarkFailedException($"WorkflowCore reported {stepErrors} step errors");
            }

            Array.Sort(latencies);
            var wall = (last - startUtc[0]).TotalMilliseconds;
            return new WorkflowCoreSample(count / (wall / 1000), wall, latencies[count / 2], latencies[Math.Min(count - 1, (int)(count * 0.99))],
                cpu.TotalMilliseconds / count, 0);
        }
        finally
        {
            host.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private static WorkflowCoreSample Spawn(int count)
    {
        var n = ChildRun.Numbers("WorkflowCore child", ResultMarker, TimeSpan.FromSeconds(180), Argument, count.ToString(CultureInfo.InvariantCulture));
        return new WorkflowCoreSample(n[0], n[1], n[2], n[3], n[4], n[5]);
    }

    /// <summary>Counts completions; <see cref="Wait"/> returns when all expected ones arrived.</summary>
    private sealed class CompletionCounter(int expected)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = expected;

        public int Remaining => Volatile.Read(ref _remaining);

        public void Completed()
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.TrySetResult();
            }
        }

        public bool Wait(TimeSpan timeout) => _done.Task.Wait(timeout);
    }
}

/// <summary>Workflow data: each step increments <see cref="Counter"/>.</summary>
internal sealed class StepData
{
    public int Counter { get; set; }
    public int Index { get; set; }
}

/// <summary>The baseline's step: no I/O, no mappings.</summary>
internal sealed class Increment : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        ((StepData)context.Workflow.Data).Counter++;
        return ExecutionResult.Next();
    }
}

/// <summary>10 sequential <see cref="Increment"/> steps (the equivalent of the 10-activity flowchart; WorkflowCore has no flowchart).</summary>
internal sealed class TenSteps : IWorkflow<StepData>
{
    public string Id => "wf10";
    public int Version => 1;

    public void Build(IWorkflowBuilder<StepData> builder)
    {
        var step = builder.StartWith<Increment>();
        for (var i = 1; i < WorkflowCoreBaseline.Steps; i++)
        {
            step = step.Then<Increment>();
        }
    }
}

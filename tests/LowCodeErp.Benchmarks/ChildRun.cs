using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace LowCodeErp.Benchmarks;

/// <summary>
/// Runs this benchmark program again as a child process (a fresh runtime, nothing warm) and reads back its one result
/// line: <c>{marker} ok n1 n2 …</c> or <c>{marker} fail reason</c>.
/// </summary>
internal static class ChildRun
{
    /// <summary>Spawns the child with <paramref name="arguments"/> and returns the numbers of its result line.</summary>
    public static double[] Numbers(string what, string resultMarker, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Under `dotnet LowCodeErp.Benchmarks.dll` the process is the dotnet host: pass the program again.
        if (string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var (stdout, stderr) = Run(start, what, timeout);
        var line = stdout.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(resultMarker, StringComparison.Ordinal));
        if (line is null)
        {
            var detail = (stderr.Length > 0 ? stderr : stdout).ReplaceLineEndings(" ").Trim();
            throw new BenchmarkFailedException($"{what} crashed: " + (detail.Length > 300 ? detail[..300] + "…" : detail));
        }

        var parts = line.Split(' ', 3);
        if (parts[1] != "ok")
        {
            throw new BenchmarkFailedException(parts.Length > 2 ? parts[2] : line);
        }

        return [.. parts[2].Split(' ').Select(n => double.Parse(n, CultureInfo.InvariantCulture))];
    }

    private static (string Stdout, string Stderr) Run(ProcessStartInfo start, string what, TimeSpan timeout)
    {
        try
        {
            using var process = Process.Start(start) ?? throw new BenchmarkFailedException($"could not start {start.FileName}");
            var errorTask = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(timeout))
            {
                process.Kill();
                throw new BenchmarkFailedException($"{what} did not exit within {timeout.TotalSeconds:0} s");
            }

            return (stdout, errorTask.GetAwaiter().GetResult());
        }
        catch (Win32Exception ex)
        {
            throw new BenchmarkFailedException($"could not start {start.FileName}: {ex.Message}", ex);
        }
    }
}

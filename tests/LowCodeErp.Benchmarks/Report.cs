using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace LowCodeErp.Benchmarks;

/// <summary>Whether a row met its target.</summary>
internal enum Mark
{
    /// <summary>Informational row: no target.</summary>
    None,
    Pass,
    Fail,
}

internal sealed record Row(string Id, string Scenario, string Metric, string Result, string Target, Mark Mark, string Notes);

/// <summary>Collects rows and prints the Markdown report.</summary>
internal sealed class Report
{
    private readonly List<Row> _rows = [];
    private readonly List<string> _notes = [];

    public bool AnyFailed => _rows.Exists(r => r.Mark == Mark.Fail);

    public void Add(string id, string scenario, string metric, string result, string notes = "") =>
        _rows.Add(new Row(id, scenario, metric, result, "—", Mark.None, notes));

    /// <summary>A row with a target: at least <paramref name="minimum"/> (higher is better).</summary>
    public void AddAtLeast(string id, string scenario, string metric, double value, double minimum, string unit, string notes = "") =>
        _rows.Add(new Row(id, scenario, metric, $"{Format.Number(value)} {unit}", $"≥ {Format.Number(minimum)} {unit}",
            value >= minimum ? Mark.Pass : Mark.Fail, notes));

    /// <summary>As <see cref="AddAtLeast"/> for small numbers such as ratios: the result keeps its decimals.</summary>
    public void AddAtLeastDecimal(string id, string scenario, string metric, double value, double minimum, string unit, string notes = "") =>
        _rows.Add(new Row(id, scenario, metric, $"{Format.Decimal(value)}{unit}", $"≥ {Format.Decimal(minimum)}{unit}",
            value >= minimum ? Mark.Pass : Mark.Fail, notes));

    /// <summary>A row with a target: below <paramref name="maximum"/> (lower is better).</summary>
    public void AddBelow(string id, string scenario, string metric, double value, double maximum, string unit, string notes = "") =>
        _rows.Add(new Row(id, scenario, metric, $"{Format.Decimal(value)} {unit}", $"< {Format.Number(maximum)} {unit}",
            value < maximum ? Mark.Pass : Mark.Fail, notes));

    /// <summary>The scenario could not be measured: one failed row carrying the reason.</summary>
    public void AddFailure(string id, string scenario, string target, string reason) =>
        _rows.Add(new Row(id, scenario, "—", "**FAILED**", target, Mark.Fail, Format.Cell(reason)));

    public void Note(string text) => _notes.Add(text);

    public string Render(IEnumerable<string> header)
    {
        var text = new StringBuilder();
        foreach (var line in header)
        {
            text.AppendLine(line);
        }

        text.AppendLine();
        string[] titles = ["#", "Scenario", "Metric", "Result", "Target", "Pass", "Notes"];
        var cells = _rows.Select(r => new[] { r.Id, r.Scenario, r.Metric, r.Result, r.Target, MarkText(r.Mark), r.Notes }).ToList();
        var widths = titles.Select((t, i) => Math.Max(t.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        text.AppendLine(Line(titles, widths));
        text.AppendLine("|" + string.Join("|", widths.Select((w, i) => i is 3 or 4 ? new string('-', w + 1) + ":" : new string('-', w + 2))) + "|");
        foreach (var row in cells)
        {
            text.AppendLine(Line(row, widths));
        }

        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.AppendLine("- " + note);
            }
        }

        return text.ToString();
    }

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((c, i) => i is 3 or 4 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))) + " |";

    private static string MarkText(Mark mark) => mark switch
    {
        Mark.Pass => "✅ pass",
        Mark.Fail => "❌ FAIL",
        _ => "",
    };
}

internal static class Format
{
    public static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Decimal(double value) =>
        value.ToString(value >= 100 ? "N0" : value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>Text safe inside a Markdown table cell.</summary>
    public static string Cell(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal).Trim();
        return flat.Length > 220 ? flat[..220] + "…" : flat;
    }
}

/// <summary>Where the numbers come from: machine, runtime, build and commit.</summary>
internal static class MachineInfo
{
    public static IEnumerable<string> Describe(string settings, string? loadBefore, string? loadAfter)
    {
        yield return "# LowCodeErp workflow engine benchmarks";
        yield return "";
        yield return $"- Commit: {Commit()}";
        yield return $"- Machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";
        yield return $"- Runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC" +
                     $"{(GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : " (concurrent)")}" +
                     $"{(GCSettings.IsServerGC && AppContext.GetData("System.GC.DynamicAdaptationMode")?.ToString() == "0" ? ", DATAS off" : "")}, engine build: {BuildConfiguration()}";
        yield return $"- Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; {settings}";
        if (loadBefore is not null)
        {
            var busy = new[] { loadBefore, loadAfter }.Any(l =>
                double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) && load > Environment.ProcessorCount + 0.5);
            yield return $"- Load average (1 min) before / after: {loadBefore} / {loadAfter ?? "?"} on {Environment.ProcessorCount} cores" +
                         (busy ? " — **machine busy: other processes competed for the cores, numbers understate the engine**" : "");
        }
    }

    /// <summary>The 1-minute load average (Linux), or null where there is none.</summary>
    public static string? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>"Release" or a warning: optimized code is what counts.</summary>
    public static string BuildConfiguration()
    {
        static bool Optimized(Assembly assembly) =>
            assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

        var engine = typeof(Workflows.Core.Execution.WorkflowRunner).Assembly;
        return Optimized(engine) && Optimized(typeof(MachineInfo).Assembly)
            ? "Release"
            : "**Debug — numbers are not meaningful, run with -c Release**";
    }

    private static string Commit()
    {
        var head = Git("rev-parse --short HEAD");
        if (head is null)
        {
            return "n/a (git not available)";
        }

        var dirty = Git("status --porcelain");
        return string.IsNullOrWhiteSpace(dirty) ? head : $"{head} (+ uncommitted changes)";
    }

    private static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-C");
            start.ArgumentList.Add(AppContext.BaseDirectory);
            foreach (var argument in arguments.Split(' '))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
            {
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}

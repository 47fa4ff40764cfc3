namespace LowCodeErp.Cli.Tests.Infrastructure;

/// <summary>What one CLI invocation produced.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stderr split into lines (no trailing empty line).</summary>
    public IReadOnlyList<string> ErrorLines => Lines(Stderr);

    /// <summary>Stdout split into lines (no trailing empty line).</summary>
    public IReadOnlyList<string> OutputLines => Lines(Stdout);

    private static List<string> Lines(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}

/// <summary>Runs the CLI in-process with captured streams, and locates the test data.</summary>
public static class ErpCli
{
    /// <summary>Runs <c>erp</c> with the given arguments.</summary>
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, stdout, stderr, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Absolute path of a file or folder under <c>Data/</c> in the test output.</summary>
    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Data", .. parts]);
}

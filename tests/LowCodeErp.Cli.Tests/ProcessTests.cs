using System.Diagnostics;
using FluentAssertions;

namespace LowCodeErp.Cli.Tests;

/// <summary>
/// The built tool as a real process (<c>dotnet LowCodeErp.Cli.dll</c>): proves the exit codes reach the OS and that
/// stdout/stderr are the process streams, which in-process tests cannot show.
/// </summary>
public sealed class ProcessTests
{
    [Theory]
    [InlineData(0, "validate", "Data/Valid")]
    [InlineData(1, "validate", "Data/Invalid/duplicate-id.json")]
    [InlineData(2, "validate", "Data/no-such-file.json")]
    [InlineData(0, "run", "Data/Run/fault.json")]
    [InlineData(2, "run", "Data/Valid/hello.json", "--input", "[]")]
    public async Task Exit_codes_reach_the_operating_system(int expected, params string[] args)
    {
        var (exitCode, stdout, stderr) = await RunToolAsync(args);

        exitCode.Should().Be(expected, $"stdout: {stdout}\nstderr: {stderr}");
    }

    [Fact]
    public async Task Errors_go_to_stderr_with_the_path_as_given()
    {
        var (exitCode, stdout, stderr) = await RunToolAsync("validate", "Data/Invalid/dangling-connection.json");

        exitCode.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.TrimEnd().Should().Be("Data/Invalid/dangling-connection.json:$.root.connections[0].target.activity: connection ends at unknown activity 'ghost' (activity fc)");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunToolAsync(params string[] args)
    {
        // The ProjectReference copies the tool's dll and runtimeconfig beside the tests; run it from there, in the
        // test folder so relative paths resolve. DOTNET_HOST_PATH is the dotnet that runs the tests, when set.
        var tool = Path.Combine(AppContext.BaseDirectory, "LowCodeErp.Cli.dll");
        File.Exists(tool).Should().BeTrue($"the tool should be built at {tool}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var cancellationToken = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}

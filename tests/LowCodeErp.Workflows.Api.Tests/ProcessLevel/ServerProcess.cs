using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using LowCodeErp.Tests.Shared;

namespace LowCodeErp.Workflows.Api.Tests.ProcessLevel;

/// <summary>
/// The real server as a child process (<c>dotnet LowCodeErp.Server.dll</c>) on a free loopback port, over a given data
/// folder and workflows folder, so a test can kill it like <c>kill -9</c> and start it again on the same database. It trusts
/// the test signing key; <see cref="Client"/> sends an administrator's token.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    // Generous: in CI the server starts while other test assemblies keep both cores busy.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("*"));
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>What the process wrote so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server and waits until <c>/health/live</c> answers.</summary>
    public static async Task<ServerProcess> StartAsync(string root, CancellationToken cancellationToken)
    {
        var port = FreePort();
        Directory.CreateDirectory(Path.Combine(root, "data"));
        var process = Process.Start(StartInfo(root, ["--urls", $"http://127.0.0.1:{port}"])) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilLiveAsync(cancellationToken);
        return server;
    }

    /// <summary>Runs a maintenance verb of the server binary on the same database and folder; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunVerbAsync(string root, string[] verb, CancellationToken cancellationToken)
    {
        using var process = Process.Start(StartInfo(root, verb, verbFirst: true)) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A verb that hangs (or a server that started instead) must not outlive the test and hold its database.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }

    private static ProcessStartInfo StartInfo(string root, string[] extra, bool verbFirst = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] settings =
        [
            "--contentRoot", AppContext.BaseDirectory,
            $"--ConnectionStrings:Workflows=Data Source={Path.Combine(root, "data", "workflows.db")}",
            $"--Workflows:Folder={Path.Combine(root, "workflows")}", "--Workflows:WatchFolder=false",
            .. TestTokens.Settings.Select(setting => $"--{setting.Key}={setting.Value}"),
        ];
        // A verb must come first (LowCodeErp.Server export-workflows …); the server's own settings may follow it.
        string[] arguments = verbFirst ? [.. extra, .. settings] : [.. settings, .. extra];
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LowCodeErp.Server.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return start;
    }

    /// <summary>Kills the process tree at once (SIGKILL: no shutdown code runs) and waits for it to be gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        Client.Dispose();
        _process.Dispose();
    }

    private async Task WaitUntilLiveAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/health/live", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The server did not become live within {StartTimeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

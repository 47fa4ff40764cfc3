using System.Diagnostics;

namespace LowCodeErp.Messaging.Tests.Infrastructure;

/// <summary>
/// A private RabbitMQ node for a test that takes its broker away: started with the project's own scripts next to the
/// shared node of scripts/services-up.sh (ERP_TEST_RABBITMQ_CONTROL = "scripts folder;SVC_DIR;port" says where), on the
/// next port and in its own state folder. Stopping the shared node instead would break the tests of other assemblies
/// that run at the same time (rule-cache replicas, for one).
/// </summary>
internal sealed class RabbitMqBroker : IAsyncDisposable
{
    private readonly string _scripts;
    private readonly string _serviceDir;
    private readonly string _port;

    private RabbitMqBroker(string scripts, string serviceDir, string port) =>
        (_scripts, _serviceDir, _port) = (scripts, serviceDir, port);

    /// <summary>The node's amqp:// URI.</summary>
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{_port}/";

    /// <summary>Starts the private node; skips (or fails under CI=true) without the shared node's control settings.</summary>
    public static async Task<RabbitMqBroker> StartPrivateAsync()
    {
        ServiceRequirement.Require(ServiceRequirement.RabbitMq);
        var parts = ServiceRequirement.Require(ServiceRequirement.RabbitMqControl).Split(';');
        var sharedPort = 0;
        if (parts.Length != 3 || !int.TryParse(parts[2], out sharedPort))
        {
            Assert.Fail($"{ServiceRequirement.RabbitMqControl} must be 'scripts;SVC_DIR;port'.");
        }

        var broker = new RabbitMqBroker(parts[0], Path.Combine(parts[1], "outage-broker"), (sharedPort + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await broker.StartAsync();
        return broker;
    }

    /// <summary>Stops the private node (also when the test failed half-way).</summary>
    public async ValueTask DisposeAsync() => await RunAsync("services-down.sh", tolerateFailure: true);

    public async Task StopAsync() => await RunAsync("services-down.sh", tolerateFailure: false);

    /// <summary>
    /// services-up.sh gives the node 2 minutes to boot; on a heavily loaded machine the Erlang VM alone can take longer.
    /// The script is idempotent (a node still booting counts as running), so it is simply run again.
    /// </summary>
    public async Task StartAsync()
    {
        var attempt = 1;
        while (!await RunAsync("services-up.sh", tolerateFailure: attempt < 3))
        {
            attempt++;
        }
    }

    private async Task<bool> RunAsync(string script, bool tolerateFailure)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(_scripts, script)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ERP_SERVICES"] = "rabbitmq";
        start.Environment["SVC_DIR"] = _serviceDir;
        start.Environment["ERP_RABBITMQ_PORT"] = _port;
        start.Environment["ERP_SKIP_INSTALL"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode == 0)
        {
            return true;
        }

        var message = $"{script} (rabbitmq) exited {process.ExitCode}:\n{await output}\n{await error}";
        TestContext.Current.TestOutputHelper?.WriteLine(message);
        if (!tolerateFailure)
        {
            Assert.Fail(message);
        }

        return false;
    }
}

using System.Diagnostics;

namespace LowCodeErp.Messaging.Tests.Infrastructure;

/// <summary>
/// Stops and starts the RabbitMQ node that scripts/services-up.sh started (locally or in test.sh), with the project's
/// own scripts: ERP_TEST_RABBITMQ_CONTROL = "scripts folder;SVC_DIR;port" selects exactly that node.
/// </summary>
internal sealed class RabbitMqBroker
{
    private readonly string _scripts;
    private readonly string _serviceDir;
    private readonly string _port;

    private RabbitMqBroker(string scripts, string serviceDir, string port) =>
        (_scripts, _serviceDir, _port) = (scripts, serviceDir, port);

    /// <summary>The broker's amqp:// URI and its control; skips (or fails under CI=true) without them.</summary>
    public static (string ConnectionString, RabbitMqBroker Broker) Require()
    {
        var connectionString = ServiceRequirement.Require(ServiceRequirement.RabbitMq);
        var parts = ServiceRequirement.Require(ServiceRequirement.RabbitMqControl).Split(';');
        if (parts.Length != 3)
        {
            Assert.Fail($"{ServiceRequirement.RabbitMqControl} must be 'scripts;SVC_DIR;port'.");
        }

        return (connectionString, new RabbitMqBroker(parts[0], parts[1], parts[2]));
    }

    public async Task StopAsync() => await RunAsync("services-down.sh", mayRetry: false);

    /// <summary>
    /// services-up.sh gives the node 2 minutes to boot; on a heavily loaded machine the Erlang VM alone can take longer.
    /// The script is idempotent (a node still booting counts as running), so it is simply run again.
    /// </summary>
    public async Task StartAsync()
    {
        var attempt = 1;
        while (!await RunAsync("services-up.sh", mayRetry: attempt < 3))
        {
            attempt++;
        }
    }

    private async Task<bool> RunAsync(string script, bool mayRetry)
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
        if (!mayRetry)
        {
            Assert.Fail(message);
        }

        return false;
    }
}

using LowCodeErp.Messaging;
using LowCodeErp.Rules.Distribution;
using LowCodeErp.Rules.Engine;
using LowCodeErp.Rules.Stores;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Runtime.Persistence;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LowCodeErp.Rules.Tests.Infrastructure;

/// <summary>
/// One replica of the distributed shape in miniature: a generic host with the rules services on a database shared with
/// the other replicas, bus invalidation, and either its own bus (<c>AddErpMessaging</c>, in-memory or RabbitMQ) or —
/// for the in-memory transport, which lives inside one bus — another replica's bus standing in for a shared broker.
/// </summary>
internal sealed class ReplicaHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ReplicaHost(IHost host) => _host = host;

    public RuleSetStore Store => _host.Services.GetRequiredService<RuleSetStore>();
    public RuleSetCache Cache => _host.Services.GetRequiredService<RuleSetCache>();
    public RuleEvaluator Evaluator => _host.Services.GetRequiredService<RuleEvaluator>();
    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    /// <summary>The replica's own queue, once it receives changes.</summary>
    public Task<Uri> Subscribed => _host.Services.GetRequiredService<RuleSetChangeSubscription>().Ready;

    /// <param name="databaseFile">The SQLite file every replica shares (the database is the source of truth).</param>
    /// <param name="rabbitMq">An amqp:// URI, or null for the in-memory transport.</param>
    /// <param name="sharedBus">Use this (another replica's in-memory) bus instead of an own one.</param>
    public static async Task<ReplicaHost> StartAsync(string databaseFile, string? rabbitMq = null, IBus? sharedBus = null,
        TimeSpan? reconcileInterval = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = rabbitMq is null ? "InMemory" : "RabbitMq",
            ["ConnectionStrings:RabbitMq"] = rabbitMq,
        });
        builder.Services.AddLogging();
        builder.Services.AddWorkflowEngine();
        // An empty rules folder: the replicas only see what the test publishes. A reconcile interval far beyond the test
        // unless it is the subject: a change must arrive over the bus.
        var emptyRules = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(databaseFile)!, "no-rules")).FullName;
        builder.Services.AddRules(new WorkflowsDatabaseOptions { ConnectionString = $"Data Source={databaseFile}" },
            new RulesOptions { Folder = emptyRules, ReconcileInterval = reconcileInterval ?? TimeSpan.FromHours(1), MaxRecordsPerSecond = 1000 });
        builder.Services.AddRulesBusInvalidation();
        if (sharedBus is null)
        {
            builder.Services.AddErpMessaging(builder.Configuration);
        }
        else
        {
            builder.Services.AddSingleton(sharedBus);
        }

        var host = new ReplicaHost(builder.Build());
        await host._host.StartAsync(TestContext.Current.CancellationToken);
        await host.Subscribed.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
